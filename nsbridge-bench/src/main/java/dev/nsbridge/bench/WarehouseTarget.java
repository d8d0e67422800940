package dev.nsbridge.bench;

import dev.nsbridge.spi.destination.Destination;
import dev.nsbridge.spi.secret.Secret;
import dev.nsbridge.warehouse.duckdb.DuckDbDestination;
import dev.nsbridge.warehouse.duckdb.DuckDbSettings;
import dev.nsbridge.warehouse.postgres.PostgresDestination;
import dev.nsbridge.warehouse.postgres.PostgresSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A warehouse the benchmark writes to, described in a way that crosses into a child JVM: arguments for where,
 * the password in the environment.
 *
 * @param kind     {@code duckdb} or {@code postgres}
 * @param location the DuckDB file or the PostgreSQL JDBC URL
 * @param user     the PostgreSQL login; empty for DuckDB
 * @param password the PostgreSQL password; empty for DuckDB
 */
record WarehouseTarget(String kind, String location, String user, Secret password) {
    private static final String PASSWORD_VARIABLE = "NSBRIDGE_BENCH_PG_PASSWORD";

    static WarehouseTarget duckDb(Path file) {
        return new WarehouseTarget("duckdb", file.toString(), "", Secret.of(""));
    }

    static WarehouseTarget postgres(PostgresSettings settings) {
        return new WarehouseTarget("postgres", settings.url(), settings.user(), settings.password());
    }

    String label() {
        return kind.equals("duckdb") ? "DuckDB" : "PostgreSQL";
    }

    List<String> arguments() {
        return List.of(kind, location, user.isEmpty() ? "-" : user);
    }

    Map<String, String> environment() {
        return Map.of(PASSWORD_VARIABLE, password.reveal());
    }

    static WarehouseTarget fromArguments(List<String> arguments, Function<String, String> environment) {
        String password = environment.apply(PASSWORD_VARIABLE);
        return new WarehouseTarget(arguments.get(0), arguments.get(1), arguments.get(2).equals("-") ? ""
                : arguments.get(2), Secret.of(password == null ? "" : password));
    }

    Destination destination() {
        return switch (kind) {
            case "duckdb" -> new DuckDbDestination(new DuckDbSettings(Path.of(location)));
            case "postgres" -> new PostgresDestination(new PostgresSettings(location, user, password));
            default -> throw new IllegalArgumentException("no warehouse kind " + kind);
        };
    }

    /** Rows in a table, to check that a run wrote what it read. */
    long count(Destination destination, String table) throws SQLException {
        Connection connection;
        if (destination instanceof DuckDbDestination duckDb) {
            connection = duckDb.connect();
        } else if (destination instanceof PostgresDestination postgres) {
            connection = postgres.connect();
        } else {
            throw new IllegalArgumentException(destination.toString());
        }
        try (connection; Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
