package dev.nsbridge.warehouse;

import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.destination.Destination;
import dev.nsbridge.spi.destination.DestinationWriter;
import dev.nsbridge.spi.destination.WriteRequest;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.testsupport.PostgresServer;
import dev.nsbridge.testsupport.TickingClock;
import dev.nsbridge.warehouse.duckdb.DuckDbDestination;
import dev.nsbridge.warehouse.duckdb.DuckDbSettings;
import dev.nsbridge.warehouse.postgres.PostgresDestination;
import dev.nsbridge.warehouse.postgres.PostgresSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Supplier;

/** One engine's destination for a test, with a side connection to look at what it stored. */
final class TestWarehouse {
    static final Instant RUN_STARTED = Instant.parse("2024-05-01T08:30:00.123456Z");

    private final Engine engine;
    private final Supplier<Connection> connections;
    private final Destination destination;

    private TestWarehouse(Engine engine, Supplier<Connection> connections, Destination destination) {
        this.engine = engine;
        this.connections = connections;
        this.destination = destination;
    }

    Engine engine() {
        return engine;
    }

    Destination destination() {
        return destination;
    }

    /** One whole run: open, write each batch, complete with the last batch's state, close. */
    void run(WriteRequest request, Batch... batches) {
        try (DestinationWriter writer = destination.open(request)) {
            State last = writer.committedState().orElse(State.EMPTY);
            for (Batch batch : batches) {
                writer.write(batch);
                last = batch.stateAfter();
            }
            writer.complete(last);
        }
    }

    /** The state a new run would start from. */
    State committedState(WriteRequest request) {
        try (DestinationWriter writer = destination.open(request)) {
            return writer.committedState().orElseThrow();
        }
    }

    /** The query's rows, each as its values joined by '|', decimals without trailing zeros. */
    List<String> rows(String sql) {
        try (Connection connection = connections.get(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (result.next()) {
                StringJoiner row = new StringJoiner("|");
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    Object value = result.getObject(i);
                    row.add(value instanceof BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString()
                            : String.valueOf(value));
                }
                rows.add(row.toString());
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    void execute(String sql) {
        try (Connection connection = connections.get(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    boolean tableExists(String schema, String table) {
        return !rows("SELECT 1 FROM information_schema.tables WHERE table_name = '" + table + "' AND table_schema = "
                + (schema == null ? "current_schema()" : "'" + schema + "'")).isEmpty();
    }

    /** Creates {@link TestWarehouse}s; the PostgreSQL server starts only when a test asks for that engine. */
    record Factory(Supplier<PostgresServer> server) {
        /** Every run stamped {@link #RUN_STARTED}. */
        TestWarehouse open(Engine engine, Path directory) {
            return open(engine, directory, LoadMetadata.NSBRIDGE);
        }

        /** Every run stamped {@link #RUN_STARTED}, landing the given load metadata. */
        TestWarehouse open(Engine engine, Path directory, LoadMetadata metadata) {
            return open(engine, directory, Clock.fixed(RUN_STARTED, ZoneOffset.UTC), metadata);
        }

        /** Each run stamped a second after the one before, as runs are in life. */
        TestWarehouse openTicking(Engine engine, Path directory) {
            return openTicking(engine, directory, LoadMetadata.NSBRIDGE);
        }

        /** Each run stamped a second after the one before, landing the given load metadata. */
        TestWarehouse openTicking(Engine engine, Path directory, LoadMetadata metadata) {
            return open(engine, directory, new TickingClock(RUN_STARTED), metadata);
        }

        private TestWarehouse open(Engine engine, Path directory, Clock clock, LoadMetadata metadata) {
            if (engine == Engine.DUCKDB) {
                DuckDbDestination duckdb = new DuckDbDestination(
                        new DuckDbSettings(directory.resolve("data/warehouse.duckdb")), metadata, clock);
                return new TestWarehouse(engine, duckdb::connect, duckdb);
            }
            PostgresDestination postgres = new PostgresDestination(postgresSettings(), metadata, clock);
            return new TestWarehouse(engine, postgres::connect, postgres);
        }

        PostgresSettings postgresSettings() {
            try {
                return new PostgresSettings(server.get().createDatabase(), PostgresServer.USER,
                        PostgresServer.PASSWORD);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public String toString() {
        return engine.name();
    }
}
