/** NetSuite as a source: tables read in full, incrementally, in cursor order or by window, in parallel within the budget. */
package dev.nsbridge.netsuite.source;
