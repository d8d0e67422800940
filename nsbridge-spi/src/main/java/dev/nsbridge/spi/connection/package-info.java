/**
 * A system as a plugin: each module declares its {@link dev.nsbridge.spi.connection.ConnectionType} (name, keys,
 * roles, check, and what it opens) in {@code META-INF/services}, and the program finds it by ServiceLoader.
 */
package dev.nsbridge.spi.connection;
