/**
 * NetSuite as a source, and the NetSuite API the flows use: tables read in full, incrementally, in cursor order or
 * by window, in parallel within the budget; SuiteQL queries as streams, with documents' details nested per page.
 */
package dev.nsbridge.netsuite.source;
