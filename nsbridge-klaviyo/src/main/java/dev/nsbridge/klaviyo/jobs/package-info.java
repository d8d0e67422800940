/** Klaviyo's asynchronous bulk jobs: their state, waiting for them to finish, and the items they refused. */
package dev.nsbridge.klaviyo.jobs;
