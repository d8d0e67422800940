package dev.nsbridge.engine.store;

import dev.nsbridge.spi.state.State;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/** {@link StateStore} in the {@code pipeline_state} table. */
final class JdbcStateStore implements StateStore {
    private final Database database;
    private final Clock clock;

    JdbcStateStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Optional<State> load(String pipeline) {
        return database.read(connection -> select(connection, pipeline));
    }

    @Override
    public void save(String pipeline, State state) {
        database.transaction(connection -> {
            database.lock(connection, "state:" + pipeline);
            write(connection, pipeline, state);
            return null;
        });
    }

    @Override
    public State update(String pipeline, Function<Optional<State>, State> change) {
        return database.transaction(connection -> {
            database.lock(connection, "state:" + pipeline);
            State changed = change.apply(select(connection, pipeline));
            write(connection, pipeline, changed);
            return changed;
        });
    }

    private static Optional<State> select(Connection connection, String pipeline) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state FROM pipeline_state WHERE pipeline = ?")) {
            select.setString(1, pipeline);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(StateCodec.decode(rows.getString(1))) : Optional.empty();
            }
        }
    }

    private void write(Connection connection, String pipeline, State state) throws SQLException {
        String json = StateCodec.encode(state);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE pipeline_state SET state = ?, updated_at = ? WHERE pipeline = ?")) {
            update.setString(1, json);
            update.setLong(2, clock.millis());
            update.setString(3, pipeline);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO pipeline_state (pipeline, state, updated_at) VALUES (?, ?, ?)")) {
            insert.setString(1, pipeline);
            insert.setString(2, json);
            insert.setLong(3, clock.millis());
            insert.executeUpdate();
        }
    }

    @Override
    public void clear(String pipeline) {
        database.transaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM pipeline_state WHERE pipeline = ?")) {
                delete.setString(1, pipeline);
                delete.executeUpdate();
            }
            return null;
        });
    }
}
