/** Klaviyo's JSON:API (revision 2026-07-15): the client nsbridge builds and everything it needs to know. */
package dev.nsbridge.klaviyo;
