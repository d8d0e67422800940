package dev.nsbridge.warehouse.postgres;

import dev.nsbridge.spi.destination.Destination;
import dev.nsbridge.spi.destination.DestinationWriter;
import dev.nsbridge.spi.destination.WriteRequest;
import dev.nsbridge.warehouse.LoadMetadata;
import dev.nsbridge.warehouse.WarehouseWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Properties;

/** Tables kept current in a PostgreSQL database. Each writer gets its own connection. */
public final class PostgresDestination implements Destination {
    private static final String CONNECT_TIMEOUT_SECONDS = "10";
    private final PostgresSettings settings;
    private final LoadMetadata metadata;
    private final Clock clock;
    private final PostgresErrors errors;

    /** @param clock gives each run's {@code _nsbridge_extracted_at} */
    public PostgresDestination(PostgresSettings settings, Clock clock) {
        this(settings, LoadMetadata.NSBRIDGE, clock);
    }

    /**
     * @param metadata the load metadata every table gets
     * @param clock    gives each run's {@code _nsbridge_extracted_at}
     */
    public PostgresDestination(PostgresSettings settings, LoadMetadata metadata, Clock clock) {
        this.settings = settings;
        this.metadata = metadata;
        this.clock = clock;
        this.errors = new PostgresErrors(settings);
    }

    public PostgresDestination(PostgresSettings settings) {
        this(settings, Clock.systemUTC());
    }

    @Override
    public DestinationWriter open(WriteRequest request) {
        return WarehouseWriter.open(this::connect, new PostgresDialect(errors), request, clock.instant(),
                metadata);
    }

    /** A new connection with the configured login; failures come back as nsbridge errors without the password. */
    public Connection connect() {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password().reveal());
        properties.setProperty("connectTimeout", CONNECT_TIMEOUT_SECONDS);
        properties.setProperty("ApplicationName", "nsbridge");
        try {
            return DriverManager.getConnection(settings.url(), properties);
        } catch (SQLException failure) {
            throw errors.translate(failure, "connecting");
        }
    }

    @Override
    public String toString() {
        return "PostgresDestination[" + settings + "]";
    }
}
