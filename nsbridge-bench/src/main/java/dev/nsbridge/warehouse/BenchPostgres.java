package dev.nsbridge.warehouse;

import dev.nsbridge.spi.secret.Secret;
import dev.nsbridge.warehouse.postgres.PostgresSettings;

/**
 * The warehouse tests' throwaway PostgreSQL (a fresh cluster on 127.0.0.1, fsync off, deleted on close), opened
 * to the benchmark. It lives in the tests' package because {@link PostgresServer} is package-private there: this
 * keeps the only change to nsbridge-warehouse a test-jar in its pom.
 */
public final class BenchPostgres implements AutoCloseable {
    private final PostgresServer server;

    private BenchPostgres(PostgresServer server) {
        this.server = server;
    }

    public static BenchPostgres start() throws Exception {
        return new BenchPostgres(PostgresServer.start());
    }

    /** A new empty database, as the login the destination writes with. */
    public PostgresSettings newDatabase() throws Exception {
        return new PostgresSettings(server.createDatabase(), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    public static Secret password() {
        return PostgresServer.PASSWORD;
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
