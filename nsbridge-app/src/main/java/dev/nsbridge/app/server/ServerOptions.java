package dev.nsbridge.app.server;

import dev.nsbridge.engine.config.LoadOptions;
import java.util.Objects;

/**
 * How {@code nsbridge serve} listens.
 *
 * @param host          the address to bind; 127.0.0.1 keeps the server to this machine
 * @param port          the port; 0 takes a free one
 * @param resetToken    replace the admin token with a new one, shown once
 * @param publicMetrics serve /metrics without the token, for a scraper on a trusted network
 * @param loadOptions   how strictly the configuration is loaded ({@code --allow-plaintext})
 */
public record ServerOptions(String host, int port, boolean resetToken, boolean publicMetrics,
                            LoadOptions loadOptions) {
    public static final String LOCAL = "127.0.0.1";

    public ServerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(loadOptions, "loadOptions");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("a port is 0..65535, not " + port);
        }
    }

    /** Options that load the configuration strictly: secrets from the environment or encrypted, never plain. */
    public ServerOptions(String host, int port, boolean resetToken, boolean publicMetrics) {
        this(host, port, resetToken, publicMetrics, LoadOptions.STRICT);
    }

    public static ServerOptions local(int port) {
        return new ServerOptions(LOCAL, port, false, false);
    }
}
