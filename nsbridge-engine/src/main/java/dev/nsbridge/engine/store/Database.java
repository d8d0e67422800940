package dev.nsbridge.engine.store;

import dev.nsbridge.spi.errors.InternalException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One JDBC connection to the store, used by one thread at a time. Only {@link #openSqlite} knows the vendor;
 * everything above it writes plain SQL so a store on a shared database server can follow.
 */
public final class Database implements AutoCloseable {
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private Database(Connection connection) {
        this.connection = connection;
    }

    /**
     * Opens (creating if needed) an embedded SQLite file. WAL lets a reader ({@code nsbridge status}) look while
     * a run writes; a busy timeout makes a second process wait for the write lock instead of failing; immediate
     * transactions take the write lock up front, so two writers queue rather than deadlock.
     */
    public static Database openSqlite(Path file) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            Properties properties = new Properties();
            properties.setProperty("journal_mode", "WAL");
            properties.setProperty("busy_timeout", "10000");
            properties.setProperty("synchronous", "NORMAL");
            properties.setProperty("transaction_mode", "IMMEDIATE");
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), properties);
            return new Database(connection);
        } catch (SQLException | java.io.IOException e) {
            throw new InternalException("STORE_UNAVAILABLE", "cannot open the state database " + file + ": "
                    + e.getMessage(), "check the folder exists and is writable", e);
        }
    }

    /** Work that runs against the connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction: all of it is durable when this returns, or none of it. */
    public <T> T transaction(Work<T> work) {
        lock.lock();
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
            }
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs a read outside a transaction, so it never waits for a writer. */
    public <T> T read(Work<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            lock.unlock();
        }
    }

    private static InternalException failure(SQLException e) {
        return new InternalException("STORE_FAILED", "the state database failed: " + e.getMessage(),
                "check the disk is not full and no other program holds the file", e);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            lock.unlock();
        }
    }
}
