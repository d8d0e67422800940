/** How nsbridge proves who it is to NetSuite: TBA (OAuth 1.0a), OAuth 2.0 client credentials, Connect passwords. */
package dev.nsbridge.netsuite.auth;
