/** What every flow's destination shares: dry-run payloads, run options, record errors and JSON. */
package dev.nsbridge.flows.delivery;
