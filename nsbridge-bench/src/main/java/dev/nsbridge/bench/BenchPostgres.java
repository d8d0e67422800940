package dev.nsbridge.bench;

import dev.nsbridge.testsupport.PostgresServer;
import dev.nsbridge.warehouse.postgres.PostgresSettings;

/**
 * The tests' throwaway PostgreSQL (a fresh cluster on 127.0.0.1, fsync off, deleted on close), handing the benchmark
 * each database as the settings the warehouse destination takes.
 */
final class BenchPostgres implements AutoCloseable {
    private final PostgresServer server;

    private BenchPostgres(PostgresServer server) {
        this.server = server;
    }

    static BenchPostgres start() throws Exception {
        return new BenchPostgres(PostgresServer.start());
    }

    /** A new empty database, as the login the destination writes with. */
    PostgresSettings newDatabase() throws Exception {
        return new PostgresSettings(server.createDatabase(), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
