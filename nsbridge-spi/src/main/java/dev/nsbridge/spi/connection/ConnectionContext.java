package dev.nsbridge.spi.connection;

import dev.nsbridge.spi.config.ConfigValues;
import dev.nsbridge.spi.state.KeyedStates;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a connection type is given to open one configured connection: its keys, checked against the type's
 * definition, and what the program shares between connectors.
 *
 * @param name               the connection's name in {@code nsbridge.yaml}, for messages
 * @param values             its keys, parsed; every environment variable they refer to is set
 * @param http               the HTTP client every connector shares (the server counts its requests)
 * @param clock              the clock, so tests control time
 * @param configFolder       the folder of {@code nsbridge.yaml}: relative paths start there
 * @param hostStateDirectory where state that belongs to the host rather than to one configuration is kept
 *                           (NetSuite's count of failed logins, which NetSuite counts per login, not per folder)
 * @param sharedStates       the state store several servers share, when the configuration has one; opened on
 *                           first use
 */
public record ConnectionContext(String name, ConfigValues values, HttpClient http, Clock clock, Path configFolder,
                                Path hostStateDirectory, Optional<Supplier<KeyedStates>> sharedStates) {
    public ConnectionContext {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(configFolder, "configFolder");
        Objects.requireNonNull(hostStateDirectory, "hostStateDirectory");
        Objects.requireNonNull(sharedStates, "sharedStates");
    }

    /** Where a connector keeps files for this configuration (a catalog cache): {@code .nsbridge/} beside it. */
    public Path stateDirectory() {
        return configFolder.resolve(".nsbridge");
    }

    /** A path from the configuration, relative to its folder unless absolute. */
    public Path resolve(String path) {
        Path file = Path.of(path);
        return file.isAbsolute() ? file : configFolder.resolve(file);
    }
}
