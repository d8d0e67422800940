package dev.nsbridge.sandbox.netsuite.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A sandbox account held in its own in-memory H2 database. */
final class H2Account implements NetSuiteAccount {
    private final AccountDatabase database;
    private final Clock clock;
    private final ZoneId zone;
    private final QueryRunner queries;
    private final RecordsApi records;
    private final ActivitySimulator activity;

    H2Account(AccountDatabase database, Clock clock, ZoneId zone) {
        this.database = database;
        this.clock = clock;
        this.zone = zone;
        this.queries = new QueryRunner(database);
        this.records = new RecordsApi(database, clock, zone);
        this.activity = new ActivitySimulator(database, clock, zone);
    }

    @Override
    public QueryPage query(String suiteQl, List<String> params, int offset, int limit) throws SuiteQlException {
        if (offset < 0 || limit < 1) {
            throw SuiteQlErrors.syntax("limit must be positive and offset not negative.");
        }
        return queries.page(suiteQl, params == null ? List.of() : params, offset, limit, now());
    }

    @Override
    public Optional<Map<String, Object>> getRecord(String recordType, long id) {
        return records.get(recordType, id);
    }

    @Override
    public long createRecord(String recordType, Map<String, Object> body) throws SuiteQlException {
        return records.create(recordType, body);
    }

    @Override
    public boolean updateRecord(String recordType, long id, Map<String, Object> body) throws SuiteQlException {
        return records.update(recordType, id, body);
    }

    @Override
    public List<String> recordTypes() {
        return RecordLayout.TYPES;
    }

    @Override
    public List<String> schemaTypes() {
        return RecordSchemas.types();
    }

    @Override
    public Optional<Map<String, Object>> recordSchema(String recordType) {
        return RecordSchemas.schema(recordType);
    }

    @Override
    public ActivityReport simulateActivity(int changes) {
        return activity.simulate(changes);
    }

    @Override
    public void executeAdmin(String sql) {
        try {
            database.write(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalArgumentException("admin SQL failed: " + e.getMessage(), e);
        }
    }

    @Override
    public long rowCount(String table) {
        String name = table.toLowerCase(Locale.ROOT);
        if (!Schema.TABLES.containsKey(name) && !name.equals("entity")) {
            throw new IllegalArgumentException("no such table: " + table);
        }
        try {
            return database.read(connection -> {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + name)) {
                    rows.next();
                    return rows.getLong(1);
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count " + table, e);
        }
    }

    @Override
    public void close() {
        database.close();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.SECONDS);
    }
}
