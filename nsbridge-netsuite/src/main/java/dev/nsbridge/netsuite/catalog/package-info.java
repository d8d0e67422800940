/** The NetSuite2.com tables nsbridge offers as streams, with the account's custom fields discovered and cached. */
package dev.nsbridge.netsuite.catalog;
