/** The one place every request to NetSuite is sent, retried and classified into nsbridge errors. */
package dev.nsbridge.netsuite.http;
