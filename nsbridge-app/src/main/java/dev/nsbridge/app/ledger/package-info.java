/** The general ledger in the warehouse: the tie-out of each run against NetSuite, and its trial balance. */
package dev.nsbridge.app.ledger;
