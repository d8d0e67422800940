/** The sandbox NetSuite's wire side: REST routes, TBA and OAuth 2.0 checks, limits, errors and knobs. */
package dev.nsbridge.sandbox.netsuite;
