/** Loading nsbridge.yaml: every key checked against its declaration, every error with its path, line and fix. */
package dev.nsbridge.engine.config;
