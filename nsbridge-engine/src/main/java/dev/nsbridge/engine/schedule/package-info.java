/** When pipelines run: cron schedules and their next run times. */
package dev.nsbridge.engine.schedule;
