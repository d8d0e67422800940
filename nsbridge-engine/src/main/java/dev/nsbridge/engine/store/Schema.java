package dev.nsbridge.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The store's tables, created and migrated on open. Each version is a list of statements applied once, in a
 * transaction, and recorded in {@code schema_version}. Plain SQL only: times are epoch milliseconds, ids come
 * from the {@code sequences} table rather than a vendor's auto-increment.
 */
final class Schema {
    static final List<List<String>> VERSIONS = List.of(List.of(
            "CREATE TABLE sequences (name VARCHAR(50) PRIMARY KEY, next_value BIGINT NOT NULL)",
            "INSERT INTO sequences (name, next_value) VALUES ('run', 1)",
            "INSERT INTO sequences (name, next_value) VALUES ('record_error', 1)",
            "CREATE TABLE pipeline_state (pipeline VARCHAR(200) PRIMARY KEY, state TEXT NOT NULL,"
                    + " updated_at BIGINT NOT NULL)",
            "CREATE TABLE runs (run_id BIGINT PRIMARY KEY, pipeline VARCHAR(200) NOT NULL, status VARCHAR(30) NOT NULL,"
                    + " dry_run BOOLEAN NOT NULL, started_at BIGINT NOT NULL, finished_at BIGINT,"
                    + " duration_ms BIGINT NOT NULL, rows_read BIGINT NOT NULL, rows_written BIGINT NOT NULL,"
                    + " rows_deleted BIGINT NOT NULL, errors_count BIGINT NOT NULL, message TEXT,"
                    + " error_code VARCHAR(100))",
            "CREATE INDEX runs_by_pipeline ON runs (pipeline, run_id)",
            "CREATE TABLE run_streams (run_id BIGINT NOT NULL, stream VARCHAR(200) NOT NULL,"
                    + " rows_read BIGINT NOT NULL, rows_written BIGINT NOT NULL, rows_deleted BIGINT NOT NULL,"
                    + " errors_count BIGINT NOT NULL, PRIMARY KEY (run_id, stream))",
            "CREATE TABLE record_errors (error_id BIGINT PRIMARY KEY, pipeline VARCHAR(200) NOT NULL,"
                    + " record_key VARCHAR(500) NOT NULL, code VARCHAR(100) NOT NULL, reason TEXT NOT NULL,"
                    + " payload TEXT NOT NULL, run_id BIGINT NOT NULL, first_seen BIGINT NOT NULL,"
                    + " last_seen BIGINT NOT NULL, attempts INTEGER NOT NULL, status VARCHAR(20) NOT NULL,"
                    + " resolved_at BIGINT, UNIQUE (pipeline, record_key))",
            "CREATE INDEX record_errors_by_status ON record_errors (pipeline, status)",
            "CREATE TABLE pipeline_locks (pipeline VARCHAR(200) PRIMARY KEY, owner_host VARCHAR(200) NOT NULL,"
                    + " owner_pid BIGINT NOT NULL, acquired_at BIGINT NOT NULL)"),
            // Version 2: what several processes sharing one store need. A lock holder proves it is alive by a
            // heartbeat (a process on another host cannot be looked up), and a scheduled time is claimed once.
            List.of(
                    "ALTER TABLE pipeline_locks ADD COLUMN heartbeat_at BIGINT",
                    "CREATE TABLE schedule_claims (pipeline VARCHAR(200) PRIMARY KEY, slot BIGINT NOT NULL,"
                            + " claimed_by VARCHAR(300) NOT NULL, claimed_at BIGINT NOT NULL)"),
            // Version 3: each pipeline's ledger of what it did outside (a consent sent), kept apart from its
            // checkpoint so that a crash before the checkpoint's commit does not make it do that again.
            List.of(
                    "CREATE TABLE pipeline_ledger (pipeline VARCHAR(200) NOT NULL, entry_key VARCHAR(500) NOT NULL,"
                            + " entry_value TEXT NOT NULL, written_at BIGINT NOT NULL,"
                            + " PRIMARY KEY (pipeline, entry_key))"),
            // Version 4: warnings beside errors. A record sent without part of its data (an invalid phone left
            // out) is kept as a warning in the same queue, and a run counts its warnings apart from its refusals.
            List.of(
                    "ALTER TABLE record_errors ADD COLUMN kind VARCHAR(20) NOT NULL DEFAULT 'error'",
                    "ALTER TABLE runs ADD COLUMN warnings_count BIGINT NOT NULL DEFAULT 0",
                    "ALTER TABLE run_streams ADD COLUMN warnings_count BIGINT NOT NULL DEFAULT 0"));

    private Schema() {
    }

    /** Brings the database to the latest version; a second process opening at once waits, then finds it done. */
    static void migrate(Database database, Instant now) {
        database.transaction(connection -> {
            database.lock(connection, "nsbridge-migrate");
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                        + " applied_at BIGINT NOT NULL)");
            }
            int current = currentVersion(connection);
            if (current > VERSIONS.size()) {
                throw new SQLException("the database was written by a newer nsbridge (schema version " + current
                        + ", this one knows " + VERSIONS.size() + ")");
            }
            for (int version = current + 1; version <= VERSIONS.size(); version++) {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : VERSIONS.get(version - 1)) {
                        statement.execute(sql);
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)")) {
                    insert.setInt(1, version);
                    insert.setLong(2, now.toEpochMilli());
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    /** The next id of a sequence; must run inside a transaction. */
    static long nextId(Connection connection, String sequence) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE sequences SET next_value = next_value + 1 WHERE name = ?")) {
            update.setString(1, sequence);
            update.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT next_value - 1 FROM sequences WHERE name = ?")) {
            select.setString(1, sequence);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
