/** The keys of a NetSuite connection in {@code nsbridge.yaml}, and what they build. */
package dev.nsbridge.netsuite.config;
