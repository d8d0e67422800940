/** Each Klaviyo operation nsbridge sends, with its burst and steady rate limits and scopes, and the pacer that keeps to them. */
package dev.nsbridge.klaviyo.limits;
