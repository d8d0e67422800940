package dev.nsbridge.engine.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.LongPredicate;

/**
 * The stores in one local SQLite file beside the configuration: no server, and safe for two processes at once
 * (a scheduled run and {@code nsbridge status}).
 *
 * <pre>{@code
 * try (Stores stores = EmbeddedStores.open(config.state().path(), Clock.systemUTC())) { ... }
 * }</pre>
 */
public final class EmbeddedStores implements Stores {
    private final Database database;
    private final StateStore state;
    private final RunHistory history;
    private final ErrorStore errors;
    private final RunLocks locks;

    private EmbeddedStores(Database database, Clock clock, ProcessIdentity self, LongPredicate processAlive) {
        this.database = database;
        this.state = new JdbcStateStore(database, clock);
        this.history = new JdbcRunHistory(database);
        this.errors = new JdbcErrorStore(database);
        this.locks = new JdbcRunLocks(database, self, processAlive);
    }

    /** Opens the file, creating it and its tables, or migrating them, as needed. */
    public static EmbeddedStores open(Path file, Clock clock) {
        return open(file, clock, ProcessIdentity.current(), ProcessIdentity::alive);
    }

    /** As {@link #open(Path, Clock)}, as a given process: lets tests play two processes in one. */
    public static EmbeddedStores open(Path file, Clock clock, ProcessIdentity self, LongPredicate processAlive) {
        Database database = Database.openSqlite(file);
        try {
            Schema.migrate(database, clock.instant());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return new EmbeddedStores(database, clock, self, processAlive);
    }

    @Override
    public StateStore state() {
        return state;
    }

    @Override
    public RunHistory history() {
        return history;
    }

    @Override
    public ErrorStore errors() {
        return errors;
    }

    @Override
    public RunLocks locks() {
        return locks;
    }

    /** The schema version, for {@code nsbridge status} and the tests of migrations. */
    public int schemaVersion() {
        return database.read(Schema::currentVersion);
    }

    @Override
    public void close() {
        database.close();
    }
}
