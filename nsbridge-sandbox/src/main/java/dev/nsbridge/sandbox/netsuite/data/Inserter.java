package dev.nsbridge.sandbox.netsuite.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;

/** Batched inserts into one table: the generator's only way of writing, and what makes a million lines fast. */
final class Inserter implements AutoCloseable {
    private static final int BATCH = 2_000;

    private final PreparedStatement statement;
    private final int width;
    private int pending;
    private long written;

    Inserter(Connection connection, String table, String columns) throws SQLException {
        this.width = columns.split(",").length;
        this.statement = connection.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES ("
                + String.join(",", Collections.nCopies(width, "?")) + ")");
    }

    void row(Object... values) throws SQLException {
        if (values.length != width) {
            throw new IllegalArgumentException("expected " + width + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof LocalDateTime dateTime) {
                statement.setObject(i + 1, dateTime);
            } else if (value instanceof LocalDate date) {
                statement.setObject(i + 1, date.atStartOfDay());
            } else if (value instanceof Boolean flag) {
                statement.setString(i + 1, flag ? "T" : "F");
            } else {
                statement.setObject(i + 1, value);
            }
        }
        statement.addBatch();
        written++;
        if (++pending == BATCH) {
            flush();
        }
    }

    long written() {
        return written;
    }

    /**
     * Outside a transaction (the initial load) each batch is committed as one: row by row is slow, and one
     * transaction for millions of rows makes H2 keep an undo log of them all.
     */
    private void flush() throws SQLException {
        Connection connection = statement.getConnection();
        if (connection.getAutoCommit()) {
            connection.setAutoCommit(false);
            try {
                statement.executeBatch();
                connection.commit();
            } finally {
                connection.setAutoCommit(true);
            }
        } else {
            statement.executeBatch();
        }
        pending = 0;
    }

    @Override
    public void close() throws SQLException {
        if (pending > 0) {
            flush();
        }
        statement.close();
    }
}
