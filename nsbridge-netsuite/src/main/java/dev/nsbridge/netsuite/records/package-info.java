/** Reads and writes of single customer and contact records through the REST records API. */
package dev.nsbridge.netsuite.records;
