package dev.nsbridge.engine.store;

import dev.nsbridge.spi.errors.TransientException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RunLocks} as rows of {@code pipeline_locks}, owned by a host and process id. A lock left by a crash is
 * taken over, and the run it held is marked failed. On this host a process id tells whether the owner is alive;
 * a process on another host (servers sharing a PostgreSQL store) proves it by a heartbeat every
 * {@link #HEARTBEAT}, and its lock counts as abandoned once the heartbeat is older than {@link #LEASE}.
 */
final class JdbcRunLocks implements RunLocks {
    static final Duration HEARTBEAT = Duration.ofSeconds(20);
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(JdbcRunLocks.class);

    private final Database database;
    private final Clock clock;
    private final ProcessIdentity self;
    private final LongPredicate processAlive;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "nsbridge-lock-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    JdbcRunLocks(Database database, Clock clock, ProcessIdentity self, LongPredicate processAlive) {
        this.database = database;
        this.clock = clock;
        this.self = self;
        this.processAlive = processAlive;
    }

    @Override
    public Lease acquire(String pipeline, Instant at) {
        database.transaction(connection -> {
            database.lock(connection, "run-lock:" + pipeline);
            try (PreparedStatement select = connection.prepareStatement("SELECT owner_host, owner_pid, acquired_at,"
                    + " heartbeat_at FROM pipeline_locks WHERE pipeline = ?")) {
                select.setString(1, pipeline);
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        String host = rows.getString(1);
                        long pid = rows.getLong(2);
                        Instant acquired = Instant.ofEpochMilli(rows.getLong(3));
                        long heartbeat = rows.getLong(4);
                        Instant lastSign = rows.wasNull() ? acquired : Instant.ofEpochMilli(heartbeat);
                        if (ownerAlive(host, pid, lastSign, at)) {
                            throw busy(connection, pipeline, host, pid, acquired);
                        }
                        LOG.warn("taking over the lock of {} from process {} on {}, which {}", pipeline, pid, host,
                                host.equals(self.host()) ? "is no longer running"
                                        : "has given no sign of life since " + lastSign);
                    }
                }
            }
            takeOverFromTheDead(connection, pipeline, at);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pipeline_locks (pipeline,"
                    + " owner_host, owner_pid, acquired_at, heartbeat_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, pipeline);
                insert.setString(2, self.host());
                insert.setLong(3, self.pid());
                insert.setLong(4, at.toEpochMilli());
                insert.setLong(5, at.toEpochMilli());
                insert.executeUpdate();
            }
            return null;
        });
        ScheduledFuture<?> beat = heartbeats.scheduleWithFixedDelay(() -> heartbeat(pipeline),
                HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        return () -> {
            beat.cancel(false);
            release(pipeline);
        };
    }

    private boolean ownerAlive(String host, long pid, Instant lastSign, Instant at) {
        if (host.equals(self.host())) {
            return processAlive.test(pid);
        }
        return lastSign.plus(LEASE).isAfter(at);
    }

    /** Records that this process still holds the lock; answers false when the lock is no longer its own. */
    boolean heartbeat(String pipeline) {
        try {
            return database.transaction(connection -> {
                try (PreparedStatement update = connection.prepareStatement("UPDATE pipeline_locks SET heartbeat_at"
                        + " = ? WHERE pipeline = ? AND owner_host = ? AND owner_pid = ?")) {
                    update.setLong(1, clock.millis());
                    update.setString(2, pipeline);
                    update.setString(3, self.host());
                    update.setLong(4, self.pid());
                    return update.executeUpdate() > 0;
                }
            });
        } catch (RuntimeException e) {
            // The store may be briefly away; the next beat tries again, well within the lease.
            LOG.warn("could not renew the lock of {}: {}", pipeline, e.getMessage());
            return false;
        }
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

    /** Stops the heartbeats; called when the stores close, after every lease was released. */
    void close() {
        heartbeats.shutdownNow();
    }
}
