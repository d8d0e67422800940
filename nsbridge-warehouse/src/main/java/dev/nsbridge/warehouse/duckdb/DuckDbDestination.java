package dev.nsbridge.warehouse.duckdb;

import dev.nsbridge.spi.destination.Destination;
import dev.nsbridge.spi.destination.DestinationWriter;
import dev.nsbridge.spi.destination.WriteRequest;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.warehouse.LoadMetadata;
import dev.nsbridge.warehouse.WarehouseWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Tables kept current in a DuckDB file, the embedded default: nothing to install or run. Each writer gets its
 * own connection; connections to one file within this process share one database instance.
 */
public final class DuckDbDestination implements Destination {
    private final DuckDbSettings settings;
    private final LoadMetadata metadata;
    private final Clock clock;
    private final DuckDbErrors errors;

    /** @param clock gives each run's {@code _nsbridge_extracted_at} */
    public DuckDbDestination(DuckDbSettings settings, Clock clock) {
        this(settings, LoadMetadata.NSBRIDGE, clock);
    }

    /**
     * @param metadata the load metadata every table gets
     * @param clock    gives each run's {@code _nsbridge_extracted_at}
     */
    public DuckDbDestination(DuckDbSettings settings, LoadMetadata metadata, Clock clock) {
        this.settings = settings;
        this.metadata = metadata;
        this.clock = clock;
        this.errors = new DuckDbErrors(settings.file());
    }

    public DuckDbDestination(DuckDbSettings settings) {
        this(settings, Clock.systemUTC());
    }

    @Override
    public DestinationWriter open(WriteRequest request) {
        return WarehouseWriter.open(this::connect, new DuckDbDialect(errors), request, clock.instant(),
                metadata);
    }

    /** A new connection to the file, creating the file and its directory when missing. */
    public Connection connect() {
        Path file = settings.file();
        if (Files.isDirectory(file)) {
            throw new ConfigurationException("CONFIG_INVALID_VALUE", "The DuckDB " + DuckDbSettings.FILE_SETTING
                    + " " + file + " is a directory.", "Set " + DuckDbSettings.FILE_SETTING
                    + " to a file inside it, e.g. " + file.resolve("nsbridge.duckdb") + ".");
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException failure) {
            throw new ConfigurationException("CONFIG_INVALID_VALUE", "Cannot create the directory of the DuckDB "
                    + DuckDbSettings.FILE_SETTING + " " + file + ": " + failure.getMessage(), "Set "
                    + DuckDbSettings.FILE_SETTING + " to a place nsbridge may write.", failure);
        }
        try {
            return DriverManager.getConnection("jdbc:duckdb:" + file);
        } catch (SQLException failure) {
            throw errors.translate(failure, "opening the database");
        }
    }

    @Override
    public String toString() {
        return "DuckDbDestination[" + settings.file() + "]";
    }
}
