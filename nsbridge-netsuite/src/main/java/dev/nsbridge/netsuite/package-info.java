/** The NetSuite connector: authentication, SuiteQL, governance, the lockout guard, the catalog and records. */
package dev.nsbridge.netsuite;
