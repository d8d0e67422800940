/** The nsbridge command, its HTTP API and web UI, and the one class that wires everything together. */
package dev.nsbridge.app;
