package dev.nsbridge.sandbox.netsuite.data;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One in-memory H2 database per account, in Oracle mode because SuiteQL is Oracle-flavoured, behind a small fixed
 * pool: request threads borrow a connection, so readers run in parallel on H2's MVCC store.
 */
final class AccountDatabase implements AutoCloseable {
    private static final int POOL_SIZE = 8;

    private final String url;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    /** Bumped on every write so cached counts and key indexes know they are stale. */
    private final AtomicLong version = new AtomicLong();

    AccountDatabase(String accountId) {
        // A random suffix keeps two accounts with the same id (two tests at once) apart.
        this.url = "jdbc:h2:mem:ns_" + accountId.replaceAll("\\W", "_") + "_" + UUID.randomUUID().toString().substring(0, 8)
                + ";MODE=Oracle;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;NON_KEYWORDS=KEY,VALUE,YEAR,MONTH,DAY,HOUR,MINUTE,SECOND";
        this.idle = new ArrayBlockingQueue<>(POOL_SIZE);
        try {
            for (int i = 0; i < POOL_SIZE; i++) {
                Connection connection = DriverManager.getConnection(url, "sa", "");
                all.add(connection);
                idle.add(connection);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the sandbox account's database", e);
        }
    }

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    <T> T read(Work<T> work) throws SQLException {
        Connection connection = borrow();
        try {
            return work.run(connection);
        } finally {
            idle.add(connection);
        }
    }

    /** Runs work in one transaction and marks the data changed. */
    <T> T write(Work<T> work) throws SQLException {
        Connection connection = borrow();
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
                version.incrementAndGet();
            }
        } finally {
            idle.add(connection);
        }
    }

    /**
     * Runs the initial bulk load with every statement committed on its own: one transaction over millions of rows
     * would make H2 keep an undo log of all of them.
     */
    <T> T load(Work<T> work) throws SQLException {
        Connection connection = borrow();
        try {
            return work.run(connection);
        } finally {
            version.incrementAndGet();
            idle.add(connection);
        }
    }

    long version() {
        return version.get();
    }

    private Connection borrow() {
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a database connection", e);
        }
    }

    @Override
    public void close() {
        try (Statement statement = all.get(0).createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // Already closed: nothing left to free.
        }
        for (Connection connection : all) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // The database is gone either way.
            }
        }
    }
}
