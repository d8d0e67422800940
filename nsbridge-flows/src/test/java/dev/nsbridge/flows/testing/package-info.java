/** Test helpers: a stand-in Klaviyo, its contract check, and a minimal run loop. */
package dev.nsbridge.flows.testing;
