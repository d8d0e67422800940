package dev.nsbridge.app.server;

import java.util.Objects;

/**
 * How {@code nsbridge serve} listens.
 *
 * @param host          the address to bind; 127.0.0.1 keeps the server to this machine
 * @param port          the port; 0 takes a free one
 * @param resetToken    replace the admin token with a new one, shown once
 * @param publicMetrics serve /metrics without the token, for a scraper on a trusted network
 */
public record ServerOptions(String host, int port, boolean resetToken, boolean publicMetrics) {
    public static final String LOCAL = "127.0.0.1";

    public ServerOptions {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("a port is 0..65535, not " + port);
        }
    }

    public static ServerOptions local(int port) {
        return new ServerOptions(LOCAL, port, false, false);
    }
}
