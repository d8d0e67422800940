/** Sending one request to Klaviyo: headers, pacing, retries, paging, and Klaviyo's errors as nsbridge errors. */
package dev.nsbridge.klaviyo.http;
