package dev.nsbridge.engine.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.nsbridge.spi.errors.InternalException;
import dev.nsbridge.spi.secret.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * The store's database: an embedded SQLite file (one connection, used by one thread at a time) or a shared
 * PostgreSQL server (a small pool, so several nsbridge processes and threads work at once). Only the two
 * {@code open} methods and {@link #lock} know the vendor; everything above writes plain SQL.
 */
public final class Database implements AutoCloseable {
    /** A PostgreSQL schema name nsbridge creates and sets as the search path: plain, so it needs no quoting. */
    static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int POOL_SIZE = 4;

    private final Vendor vendor;
    private final Connection single;
    private final ReentrantLock singleLock = new ReentrantLock();
    private final HikariDataSource pool;
    private final String description;

    private enum Vendor { SQLITE, POSTGRES }

    private Database(Vendor vendor, Connection single, HikariDataSource pool, String description) {
        this.vendor = vendor;
        this.single = single;
        this.pool = pool;
        this.description = description;
    }

    /**
     * Opens (creating if needed) an embedded SQLite file. WAL lets a reader ({@code nsbridge status}) look while
     * a run writes; a busy timeout makes a second process wait for the write lock instead of failing; immediate
     * transactions take the write lock up front, so two writers queue rather than deadlock, and a transaction
     * that reads then writes is never interleaved with another process's.
     */
    public static Database openSqlite(Path file) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            OwnerOnly.database(file);
            Properties properties = new Properties();
            properties.setProperty("journal_mode", "WAL");
            properties.setProperty("busy_timeout", "10000");
            properties.setProperty("synchronous", "NORMAL");
            properties.setProperty("transaction_mode", "IMMEDIATE");
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), properties);
            return new Database(Vendor.SQLITE, connection, null, "the state database " + file);
        } catch (SQLException | java.io.IOException | java.io.UncheckedIOException e) {
            throw new InternalException("STORE_UNAVAILABLE", "cannot open the state database " + file + ": "
                    + e.getMessage(), "check the folder exists and is writable", e);
        }
    }

    /**
     * Connects to a PostgreSQL database shared by several nsbridge processes, creating {@code schema} if it is
     * missing and keeping every table in it. Connections are pooled and checked before use, so a restarted
     * database server costs the transaction under way, not the process.
     */
    public static Database openPostgres(String url, String user, Secret password, String schema) {
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema '" + schema + "' is not a plain lower-case name");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password.reveal());
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setPoolName("nsbridge-state");
        config.setConnectionTimeout(15_000);
        // Created here, before the pool's first connection sets it as the search path.
        config.setConnectionInitSql("SET search_path TO " + schema);
        // The first connection is made at once, so a wrong URL or password fails the start, not a later run.
        config.setInitializationFailTimeout(1);
        String where = withoutParameters(url);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw unavailable(where, schema, e);
        }
        Database database = new Database(Vendor.POSTGRES, null, pool, "the PostgreSQL state store at " + where);
        try {
            database.transaction(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_advisory_xact_lock(hashtext('nsbridge-schema'))");
                    statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
                }
                return null;
            });
        } catch (InternalException e) {
            pool.close();
            throw unavailable(where, schema, e);
        }
        return database;
    }

    private static InternalException unavailable(String where, String schema, RuntimeException e) {
        return new InternalException("STORE_UNAVAILABLE", "cannot open the PostgreSQL state store at " + where
                + ": " + rootMessage(e), "check the state connection's url, user and password, and that the user"
                + " may create schema " + schema + " (or create it for them)", e);
    }

    /** Work that runs against the connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction: all of it is durable when this returns, or none of it. */
    public <T> T transaction(Work<T> work) {
        return use(connection -> {
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
        });
    }

    /** Runs a read outside a transaction, so it never waits for a writer. */
    public <T> T read(Work<T> work) {
        return use(work);
    }

    /**
     * Inside a transaction, waits until no other process holds {@code name}, then holds it until the
     * transaction ends: read-then-write steps (taking a run lock, claiming a scheduled time, counting a failed
     * login) cannot interleave across processes. SQLite's immediate transactions already serialise every writer.
     */
    void lock(Connection connection, String name) throws SQLException {
        if (vendor == Vendor.POSTGRES) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                statement.setString(1, name);
                statement.execute();
            }
        }
    }

    private <T> T use(Work<T> work) {
        if (vendor == Vendor.SQLITE) {
            singleLock.lock();
            try {
                return work.run(single);
            } catch (SQLException e) {
                throw failure(e);
            } finally {
                singleLock.unlock();
            }
        }
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private InternalException failure(SQLException e) {
        return vendor == Vendor.SQLITE
                ? new InternalException("STORE_FAILED", description + " failed: " + e.getMessage(),
                        "check the disk is not full and no other program holds the file", e)
                : new InternalException("STORE_FAILED", description + " failed: " + e.getMessage(),
                        "check the database server is up and reachable; the run can be started again", e);
    }

    /** The URL without its parameters, which may carry a password: the only form that goes into messages. */
    static String withoutParameters(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @Override
    public void close() {
        if (vendor == Vendor.POSTGRES) {
            pool.close();
            return;
        }
        singleLock.lock();
        try {
            single.close();
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            singleLock.unlock();
        }
    }
}
