/** How hard nsbridge may press an account: the concurrency budget and the guard against login lockouts. */
package dev.nsbridge.netsuite.governance;
