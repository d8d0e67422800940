/** Catalog items and their variants, created, updated and deleted in bulk jobs of up to 100. */
package dev.nsbridge.klaviyo.catalog;
