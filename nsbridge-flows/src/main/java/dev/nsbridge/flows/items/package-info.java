/** NetSuite items, matrix items with their variants, as Klaviyo catalog items kept current in bulk jobs. */
package dev.nsbridge.flows.items;
