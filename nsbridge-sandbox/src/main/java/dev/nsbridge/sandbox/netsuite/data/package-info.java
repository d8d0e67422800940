/** The sandbox NetSuite's account: generated tables, SuiteQL over an embedded SQL engine, and records. */
package dev.nsbridge.sandbox.netsuite.data;
