package dev.nsbridge.spi.connection;

import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.destination.Destination;
import dev.nsbridge.spi.source.Source;
import java.util.Optional;
import java.util.Set;

/**
 * One kind of system nsbridge connects to, declared by the module that knows it and listed in that module's
 * {@code META-INF/services/dev.nsbridge.spi.connection.ConnectionType}: the program finds every type through
 * {@link java.util.ServiceLoader} and knows none by name. An implementation holds no state; each call opens what
 * it answers from the context it is given, and the caller closes it.
 */
public interface ConnectionType {

    /** The value of {@code type:} under {@code connections:}, e.g. the system's name in lower case. */
    String name();

    /** One sentence on what a connection of this type is, for the documentation and {@code nsbridge init}. */
    String description();

    /** Its keys (all but {@code type}), with their types, defaults, validators and documentation. */
    ConfigDef definition();

    /** What pipelines may use it as; the configuration is checked against these before anything opens. */
    Set<ConnectionRole> roles();

    /**
     * The "test connection" step: reaches the system with the credentials and says what works and the fix for
     * what does not. Answers a failed result rather than throwing for what the system refused.
     */
    CheckResult check(ConnectionContext context);

    /** What extracts read; a type with the {@link ConnectionRole#EXTRACT_SOURCE} role answers it. */
    default Source source(ConnectionContext context) {
        throw new UnsupportedOperationException(name() + " connections are not read by extracts");
    }

    /** Where extracts write; a type with the {@link ConnectionRole#WAREHOUSE} role answers it. */
    default Destination destination(ConnectionContext context) {
        throw new UnsupportedOperationException(name() + " connections are not written by extracts");
    }

    /**
     * The typed clients this type opens for code that works with the system itself (a flow asks for a NetSuite
     * client, the shared state store for a database login), by class.
     */
    default Set<Class<?>> clients() {
        return Set.of();
    }

    /** A new client of {@code kind}, one of {@link #clients()}; empty for any other class. */
    default <T> Optional<T> client(ConnectionContext context, Class<T> kind) {
        return Optional.empty();
    }
}
