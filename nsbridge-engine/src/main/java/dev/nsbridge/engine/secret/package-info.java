/** Secrets stored encrypted in the configuration file, and the key that opens them, kept outside it. */
package dev.nsbridge.engine.secret;
