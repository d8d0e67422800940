package dev.nsbridge.app.extract;

import dev.nsbridge.spi.destination.Destination;
import dev.nsbridge.warehouse.duckdb.DuckDbDestination;
import dev.nsbridge.warehouse.postgres.PostgresDestination;
import java.sql.Connection;
import java.util.Optional;

/** A JDBC connection to a warehouse destination, for the reads nsbridge makes of what it landed. */
public final class WarehouseConnections {
    private WarehouseConnections() {
    }

    /** A new connection the caller closes; empty for a destination that is no SQL warehouse. */
    public static Optional<Connection> open(Destination destination) {
        if (destination instanceof DuckDbDestination duckDb) {
            return Optional.of(duckDb.connect());
        }
        if (destination instanceof PostgresDestination postgres) {
            return Optional.of(postgres.connect());
        }
        return Optional.empty();
    }
}
