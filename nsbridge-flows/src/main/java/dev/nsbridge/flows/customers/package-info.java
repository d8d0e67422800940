/** NetSuite customers as Klaviyo profiles, with consent decided by NetSuite's subscription status. */
package dev.nsbridge.flows.customers;
