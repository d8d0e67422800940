/** Catalog items, created in bulk jobs of up to 100. */
package dev.nsbridge.klaviyo.catalog;
