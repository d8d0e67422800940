/** SuiteQL over REST: pages, offset and keyset readers that stream rows, typed rows and safe query building. */
package dev.nsbridge.netsuite.suiteql;
