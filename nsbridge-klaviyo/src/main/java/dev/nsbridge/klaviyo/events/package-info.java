/** Events: one at a time, or in bulk jobs of up to 1,000. */
package dev.nsbridge.klaviyo.events;
