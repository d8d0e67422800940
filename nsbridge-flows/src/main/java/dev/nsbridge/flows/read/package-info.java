/** A flow's NetSuite read: its select's text and columns, read as a query stream of the NetSuite source. */
package dev.nsbridge.flows.read;
