/** The flows' own NetSuite reads: SuiteQL over joined tables, incremental on a modification date and an id. */
package dev.nsbridge.flows.read;
