/** Profiles: create or update one, import many as bulk jobs, and read them back (suppressions) page by page. */
package dev.nsbridge.klaviyo.profiles;
