/** How fast the flows' sending path fills the local Klaviyo sandbox under Klaviyo's real rate limits. */
package dev.nsbridge.bench.klaviyo;
