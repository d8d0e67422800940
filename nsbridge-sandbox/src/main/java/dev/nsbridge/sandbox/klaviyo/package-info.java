/** The sandbox Klaviyo: its API checked against Klaviyo's OpenAPI spec, with Klaviyo's semantics, limits, jobs and faults. */
package dev.nsbridge.sandbox.klaviyo;
