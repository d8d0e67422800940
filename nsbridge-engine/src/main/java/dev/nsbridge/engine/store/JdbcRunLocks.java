package dev.nsbridge.engine.store;

import dev.nsbridge.spi.errors.TransientException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.LongPredicate;

/**
 * {@link RunLocks} as rows of {@code pipeline_locks}, owned by a host and process id. A lock whose owner on this
 * host is no longer alive was left by a crash: it is taken over, and the run it held is marked failed.
 */
final class JdbcRunLocks implements RunLocks {
    private final Database database;
    private final ProcessIdentity self;
    private final LongPredicate processAlive;

    JdbcRunLocks(Database database, ProcessIdentity self, LongPredicate processAlive) {
        this.database = database;
        this.self = self;
        this.processAlive = processAlive;
    }

    @Override
    public Lease acquire(String pipeline, Instant at) {
        database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT owner_host, owner_pid, acquired_at FROM pipeline_locks WHERE pipeline = ?")) {
                select.setString(1, pipeline);
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        String host = rows.getString(1);
                        long pid = rows.getLong(2);
                        if (!host.equals(self.host()) || processAlive.test(pid)) {
                            throw busy(connection, pipeline, host, pid, Instant.ofEpochMilli(rows.getLong(3)));
                        }
                    }
                }
            }
            takeOverFromTheDead(connection, pipeline, at);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pipeline_locks (pipeline,"
                    + " owner_host, owner_pid, acquired_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, pipeline);
                insert.setString(2, self.host());
                insert.setLong(3, self.pid());
                insert.setLong(4, at.toEpochMilli());
                insert.executeUpdate();
            }
            return null;
        });
        return () -> release(pipeline);
    }

    private static void takeOverFromTheDead(Connection connection, String pipeline, Instant at) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM pipeline_locks WHERE pipeline = ?")) {
            delete.setString(1, pipeline);
            delete.executeUpdate();
        }
        try (PreparedStatement orphans = connection.prepareStatement("UPDATE runs SET status = ?, finished_at = ?,"
                + " duration_ms = ? - started_at, message = ?, error_code = ? WHERE pipeline = ? AND status = ?")) {
            orphans.setString(1, RunStatus.FAILED_RETRIABLE.wireName());
            orphans.setLong(2, at.toEpochMilli());
            orphans.setLong(3, at.toEpochMilli());
            orphans.setString(4, "the process running it stopped before it finished; the next run continues from"
                    + " the last batch written");
            orphans.setString(5, "RUN_ABANDONED");
            orphans.setString(6, pipeline);
            orphans.setString(7, RunStatus.RUNNING.wireName());
            orphans.executeUpdate();
        }
    }

    private static TransientException busy(Connection connection, String pipeline, String host, long pid,
                                           Instant since) throws SQLException {
        String run = "";
        try (PreparedStatement select = connection.prepareStatement("SELECT run_id, started_at FROM runs"
                + " WHERE pipeline = ? AND status = ? ORDER BY run_id DESC")) {
            select.setString(1, pipeline);
            select.setString(2, RunStatus.RUNNING.wireName());
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    run = "run " + rows.getLong(1) + ", started " + Instant.ofEpochMilli(rows.getLong(2)) + ", ";
                }
            }
        }
        return new TransientException("PIPELINE_RUNNING", "pipeline '" + pipeline + "' is already running (" + run
                + "process " + pid + " on " + host + " since " + since + "); wait for it to finish or stop that"
                + " process, then start again");
    }

    private void release(String pipeline) {
        database.transaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM pipeline_locks WHERE pipeline = ? AND owner_host = ? AND owner_pid = ?")) {
                delete.setString(1, pipeline);
                delete.setString(2, self.host());
                delete.setLong(3, self.pid());
                delete.executeUpdate();
            }
            return null;
        });
    }
}
