/** Who may call the sandbox NetSuite: TBA and OAuth 2.0 checked from the server side, lockouts and the login audit trail. */
package dev.nsbridge.sandbox.netsuite.auth;
