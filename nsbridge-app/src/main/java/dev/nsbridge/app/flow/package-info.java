/** The integration flows on the command line: running them, going live, and their record-error queue. */
package dev.nsbridge.app.flow;
