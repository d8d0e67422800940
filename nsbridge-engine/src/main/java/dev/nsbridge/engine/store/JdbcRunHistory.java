package dev.nsbridge.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link RunHistory} in the {@code runs} and {@code run_streams} tables. */
final class JdbcRunHistory implements RunHistory {
    private static final String COLUMNS = "run_id, pipeline, status, dry_run, started_at, finished_at, duration_ms,"
            + " rows_read, rows_written, rows_deleted, errors_count, message, error_code, warnings_count";

    private final Database database;

    JdbcRunHistory(Database database) {
        this.database = database;
    }

    @Override
    public long start(String pipeline, Instant startedAt, boolean dryRun) {
        return database.transaction(connection -> {
            long id = Schema.nextId(connection, "run");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO runs (" + COLUMNS + ") VALUES"
                    + " (?, ?, ?, ?, ?, NULL, 0, 0, 0, 0, 0, NULL, NULL, 0)")) {
                insert.setLong(1, id);
                insert.setString(2, pipeline);
                insert.setString(3, RunStatus.RUNNING.wireName());
                insert.setBoolean(4, dryRun);
                insert.setLong(5, startedAt.toEpochMilli());
                insert.executeUpdate();
            }
            return id;
        });
    }

    @Override
    public void finish(long runId, RunOutcome outcome) {
        RunCounts totals = outcome.totals();
        database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE runs SET status = ?, finished_at = ?,"
                    + " duration_ms = ? - started_at, rows_read = ?, rows_written = ?, rows_deleted = ?,"
                    + " errors_count = ?, message = ?, error_code = ?, warnings_count = ? WHERE run_id = ?")) {
                update.setString(1, outcome.status().wireName());
                update.setLong(2, outcome.finishedAt().toEpochMilli());
                update.setLong(3, outcome.finishedAt().toEpochMilli());
                update.setLong(4, totals.read());
                update.setLong(5, totals.written());
                update.setLong(6, totals.deleted());
                update.setLong(7, totals.errors());
                setOptional(update, 8, outcome.message());
                setOptional(update, 9, outcome.errorCode());
                update.setLong(10, totals.warnings());
                update.setLong(11, runId);
                if (update.executeUpdate() == 0) {
                    throw new SQLException("run " + runId + " was never started");
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO run_streams (run_id, stream,"
                    + " rows_read, rows_written, rows_deleted, errors_count, warnings_count) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (Map.Entry<String, RunCounts> stream : outcome.streams().entrySet()) {
                    insert.setLong(1, runId);
                    insert.setString(2, stream.getKey());
                    insert.setLong(3, stream.getValue().read());
                    insert.setLong(4, stream.getValue().written());
                    insert.setLong(5, stream.getValue().deleted());
                    insert.setLong(6, stream.getValue().errors());
                    insert.setLong(7, stream.getValue().warnings());
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public void failAfterwards(long runId, String message, String errorCode) {
        database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE runs SET status = ?, message = ?,"
                    + " error_code = ? WHERE run_id = ? AND finished_at IS NOT NULL")) {
                update.setString(1, RunStatus.FAILED.wireName());
                update.setString(2, message);
                update.setString(3, errorCode);
                update.setLong(4, runId);
                if (update.executeUpdate() == 0) {
                    throw new SQLException("run " + runId + " has not finished");
                }
            }
            return null;
        });
    }

    @Override
    public Optional<RunRecord> get(long runId) {
        return database.read(connection -> query(connection, "WHERE run_id = ?", List.of(runId), 1))
                .stream().findFirst();
    }

    @Override
    public List<RunRecord> recent(Optional<String> pipeline, int limit) {
        return database.read(connection -> pipeline.isPresent()
                ? query(connection, "WHERE pipeline = ?", List.of(pipeline.get()), limit)
                : query(connection, "", List.of(), limit));
    }

    @Override
    public Optional<RunRecord> running(String pipeline) {
        return database.read(connection -> query(connection, "WHERE pipeline = ? AND status = ?",
                List.of(pipeline, RunStatus.RUNNING.wireName()), 1)).stream().findFirst();
    }

    private static List<RunRecord> query(Connection connection, String where, List<Object> parameters, int limit)
            throws SQLException {
        List<RunRecord> runs = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM runs " + where
                + " ORDER BY run_id DESC")) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            select.setMaxRows(limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    runs.add(read(rows, streams(connection, rows.getLong("run_id"))));
                }
            }
        }
        return runs;
    }

    private static RunRecord read(ResultSet rows, Map<String, RunCounts> streams) throws SQLException {
        long finished = rows.getLong("finished_at");
        Optional<Instant> finishedAt = rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(finished));
        return new RunRecord(rows.getLong("run_id"), rows.getString("pipeline"),
                RunStatus.fromWireName(rows.getString("status")), rows.getBoolean("dry_run"),
                Instant.ofEpochMilli(rows.getLong("started_at")), finishedAt,
                Duration.ofMillis(rows.getLong("duration_ms")), new RunCounts(rows.getLong("rows_read"),
                rows.getLong("rows_written"), rows.getLong("rows_deleted"), rows.getLong("errors_count"),
                rows.getLong("warnings_count")), streams,
                Optional.ofNullable(rows.getString("message")), Optional.ofNullable(rows.getString("error_code")));
    }

    private static Map<String, RunCounts> streams(Connection connection, long runId) throws SQLException {
        Map<String, RunCounts> streams = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT stream, rows_read, rows_written,"
                + " rows_deleted, errors_count, warnings_count FROM run_streams WHERE run_id = ? ORDER BY stream")) {
            select.setLong(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    streams.put(rows.getString(1), new RunCounts(rows.getLong(2), rows.getLong(3), rows.getLong(4),
                            rows.getLong(5), rows.getLong(6)));
                }
            }
        }
        return streams;
    }

    private static void setOptional(PreparedStatement statement, int index, Optional<String> value)
            throws SQLException {
        if (value.isPresent()) {
            statement.setString(index, value.get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }
}
