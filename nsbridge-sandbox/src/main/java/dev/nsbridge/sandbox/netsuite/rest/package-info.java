/** The sandbox NetSuite's REST surface: routes, governance, injected faults, knobs, stats and NetSuite's JSON. */
package dev.nsbridge.sandbox.netsuite.rest;
