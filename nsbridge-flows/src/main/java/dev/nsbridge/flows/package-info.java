/** The NetSuite ⇄ Klaviyo integration app: each flow's query, mapping, consent rules and settings. */
package dev.nsbridge.flows;
