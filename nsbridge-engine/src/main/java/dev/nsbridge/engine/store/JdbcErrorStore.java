package dev.nsbridge.engine.store;

import dev.nsbridge.spi.data.RecordError;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** {@link ErrorStore} in the {@code record_errors} table, one row per pipeline and record key. */
final class JdbcErrorStore implements ErrorStore {
    private static final String COLUMNS = "error_id, pipeline, record_key, code, reason, payload, run_id, first_seen,"
            + " last_seen, attempts, status, resolved_at, kind";
    /** Keys per statement when warnings are cleared: well under every database's parameter limit. */
    private static final int KEYS_PER_STATEMENT = 500;

    private final Database database;

    JdbcErrorStore(Database database) {
        this.database = database;
    }

    @Override
    public void record(String pipeline, long runId, List<RecordError> errors, Instant seenAt) {
        if (errors.isEmpty()) {
            return;
        }
        database.transaction(connection -> {
            for (RecordError error : errors) {
                if (!reopen(connection, pipeline, runId, error, seenAt)) {
                    insert(connection, pipeline, runId, error, seenAt);
                }
            }
            return null;
        });
    }

    private static boolean reopen(Connection connection, String pipeline, long runId, RecordError error, Instant at)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE record_errors SET code = ?, reason = ?,"
                + " payload = ?, run_id = ?, last_seen = ?, attempts = attempts + 1, status = ?, resolved_at = NULL,"
                + " kind = ? WHERE pipeline = ? AND record_key = ?")) {
            update.setString(1, error.code());
            update.setString(2, error.reason());
            update.setString(3, error.payload());
            update.setLong(4, runId);
            update.setLong(5, at.toEpochMilli());
            update.setString(6, ErrorStatus.OPEN.wireName());
            update.setString(7, error.kind().wireName());
            update.setString(8, pipeline);
            update.setString(9, error.recordKey());
            return update.executeUpdate() > 0;
        }
    }

    private static void insert(Connection connection, String pipeline, long runId, RecordError error, Instant at)
            throws SQLException {
        long id = Schema.nextId(connection, "record_error");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO record_errors (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, NULL, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, pipeline);
            insert.setString(3, error.recordKey());
            insert.setString(4, error.code());
            insert.setString(5, error.reason());
            insert.setString(6, error.payload());
            insert.setLong(7, runId);
            insert.setLong(8, at.toEpochMilli());
            insert.setLong(9, at.toEpochMilli());
            insert.setString(10, ErrorStatus.OPEN.wireName());
            insert.setString(11, error.kind().wireName());
            insert.executeUpdate();
        }
    }

    @Override
    public List<StoredError> list(Optional<String> pipeline, Optional<ErrorStatus> status,
                                  Optional<RecordError.Kind> kind, int limit) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        pipeline.ifPresent(p -> {
            conditions.add("pipeline = ?");
            parameters.add(p);
        });
        status.ifPresent(s -> {
            conditions.add("status = ?");
            parameters.add(s.wireName());
        });
        kind.ifPresent(k -> {
            conditions.add("kind = ?");
            parameters.add(k.wireName());
        });
        String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
        return database.read(connection -> query(connection, where, parameters, limit));
    }

    @Override
    public Optional<StoredError> get(long id) {
        return database.read(connection -> query(connection, "WHERE error_id = ?", List.of(id), 1)).stream()
                .findFirst();
    }

    @Override
    public long count(String pipeline, ErrorStatus status, RecordError.Kind kind) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*) FROM record_errors WHERE pipeline = ? AND status = ? AND kind = ?")) {
                select.setString(1, pipeline);
                select.setString(2, status.wireName());
                select.setString(3, kind.wireName());
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? rows.getLong(1) : 0L;
                }
            }
        });
    }

    @Override
    public void resolve(long id, Instant at) {
        update("UPDATE record_errors SET status = ?, resolved_at = ? WHERE error_id = ?",
                List.of(ErrorStatus.RESOLVED.wireName(), at.toEpochMilli(), id));
    }

    @Override
    public void markRetried(long id, RecordError refusedAgain, Instant at) {
        update("UPDATE record_errors SET code = ?, reason = ?, payload = ?, last_seen = ?, attempts = attempts + 1"
                        + " WHERE error_id = ?",
                List.of(refusedAgain.code(), refusedAgain.reason(), refusedAgain.payload(), at.toEpochMilli(), id));
    }

    @Override
    public void clearWarnings(String pipeline, Collection<String> recordKeys, Instant at) {
        if (recordKeys.isEmpty()) {
            return;
        }
        List<String> keys = List.copyOf(recordKeys);
        database.transaction(connection -> {
            for (int from = 0; from < keys.size(); from += KEYS_PER_STATEMENT) {
                List<String> part = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_STATEMENT));
                try (PreparedStatement update = connection.prepareStatement("UPDATE record_errors SET status = ?,"
                        + " resolved_at = ? WHERE pipeline = ? AND kind = ? AND status = ? AND record_key IN ("
                        + String.join(", ", java.util.Collections.nCopies(part.size(), "?")) + ")")) {
                    update.setString(1, ErrorStatus.RESOLVED.wireName());
                    update.setLong(2, at.toEpochMilli());
                    update.setString(3, pipeline);
                    update.setString(4, RecordError.Kind.WARNING.wireName());
                    update.setString(5, ErrorStatus.OPEN.wireName());
                    for (int i = 0; i < part.size(); i++) {
                        update.setString(6 + i, part.get(i));
                    }
                    update.executeUpdate();
                }
            }
            return null;
        });
    }

    private void update(String sql, List<Object> parameters) {
        database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    update.setObject(i + 1, parameters.get(i));
                }
                if (update.executeUpdate() == 0) {
                    throw new SQLException("no record error with id " + parameters.get(parameters.size() - 1));
                }
            }
            return null;
        });
    }

    private static List<StoredError> query(Connection connection, String where, List<Object> parameters, int limit)
            throws SQLException {
        List<StoredError> errors = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM record_errors "
                + where + " ORDER BY last_seen DESC, error_id DESC")) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            select.setMaxRows(limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long resolved = rows.getLong("resolved_at");
                    Optional<Instant> resolvedAt = rows.wasNull() ? Optional.empty()
                            : Optional.of(Instant.ofEpochMilli(resolved));
                    errors.add(new StoredError(rows.getLong("error_id"), rows.getString("pipeline"),
                            rows.getLong("run_id"), new RecordError(rows.getString("record_key"),
                            rows.getString("code"), rows.getString("reason"), rows.getString("payload"),
                            RecordError.Kind.fromWireName(rows.getString("kind"))),
                            Instant.ofEpochMilli(rows.getLong("first_seen")),
                            Instant.ofEpochMilli(rows.getLong("last_seen")), rows.getInt("attempts"),
                            ErrorStatus.fromWireName(rows.getString("status")), resolvedAt));
                }
            }
        }
        return errors;
    }
}
