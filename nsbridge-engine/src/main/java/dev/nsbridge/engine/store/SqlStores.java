package dev.nsbridge.engine.store;

import dev.nsbridge.spi.secret.Secret;
import dev.nsbridge.spi.state.Ledger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.LongPredicate;

/**
 * The stores over one SQL database: by default a local SQLite file beside the configuration (no server, and safe
 * for two processes at once: a scheduled run and {@code nsbridge status}); or a PostgreSQL database that several
 * nsbridge servers share, on one host or many.
 *
 * <pre>{@code
 * try (Stores stores = SqlStores.open(config.state().path(), Clock.systemUTC())) { ... }
 * try (Stores stores = SqlStores.openPostgres(url, user, password, "nsbridge", Clock.systemUTC())) { ... }
 * }</pre>
 */
public final class SqlStores implements Stores {
    private final Database database;
    private final StateStore state;
    private final RunHistory history;
    private final ErrorStore errors;
    private final JdbcRunLocks locks;
    private final ScheduleClaims claims;
    private final Clock clock;

    private SqlStores(Database database, Clock clock, ProcessIdentity self, LongPredicate processAlive) {
        this.database = database;
        this.state = new JdbcStateStore(database, clock);
        this.history = new JdbcRunHistory(database);
        this.errors = new JdbcErrorStore(database);
        this.locks = new JdbcRunLocks(database, clock, self, processAlive);
        this.claims = new JdbcScheduleClaims(database, self);
        this.clock = clock;
    }

    /** Opens the SQLite file, creating it and its tables, or migrating them, as needed. */
    public static SqlStores open(Path file, Clock clock) {
        return open(file, clock, ProcessIdentity.current(), ProcessIdentity::alive);
    }

    /** As {@link #open(Path, Clock)}, as a given process: lets tests play two processes in one. */
    public static SqlStores open(Path file, Clock clock, ProcessIdentity self, LongPredicate processAlive) {
        return migrated(Database.openSqlite(file), clock, self, processAlive);
    }

    /**
     * Connects to a PostgreSQL database, creating {@code schema} and the tables in it, or migrating them, as
     * needed. Every server pointed at it shares state, run history, the error queue, run locks and schedules.
     */
    public static SqlStores openPostgres(String url, String user, Secret password, String schema, Clock clock) {
        return openPostgres(url, user, password, schema, clock, ProcessIdentity.current());
    }

    /** As {@link #openPostgres(String, String, Secret, String, Clock)}, as a given process, for tests. */
    public static SqlStores openPostgres(String url, String user, Secret password, String schema, Clock clock,
                                         ProcessIdentity self) {
        return migrated(Database.openPostgres(url, user, password, schema), clock, self, ProcessIdentity::alive);
    }

    private static SqlStores migrated(Database database, Clock clock, ProcessIdentity self,
                                      LongPredicate processAlive) {
        try {
            Schema.migrate(database, clock.instant());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return new SqlStores(database, clock, self, processAlive);
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

    @Override
    public ScheduleClaims claims() {
        return claims;
    }

    @Override
    public Ledger ledger(String pipeline) {
        return new JdbcLedger(database, clock, pipeline);
    }

    /** The schema version, for {@code nsbridge status} and the tests of migrations. */
    public int schemaVersion() {
        return database.read(Schema::currentVersion);
    }

    @Override
    public void close() {
        locks.close();
        database.close();
    }
}
