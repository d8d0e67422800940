/** The connection types {@code nsbridge.yaml} can name, their keys, and the clients they build. */
package dev.nsbridge.app.connect;
