/** Klaviyo's email suppressions back into NetSuite as soft opt-outs on the matching customers and contacts. */
package dev.nsbridge.flows.suppressions;
