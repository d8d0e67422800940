/** NetSuite items as Klaviyo catalog items, created in bulk jobs. */
package dev.nsbridge.flows.items;
