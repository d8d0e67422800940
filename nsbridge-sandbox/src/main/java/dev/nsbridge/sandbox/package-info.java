/** Local NetSuite and Klaviyo services that behave like the real ones; they share no code with the connectors. */
package dev.nsbridge.sandbox;
