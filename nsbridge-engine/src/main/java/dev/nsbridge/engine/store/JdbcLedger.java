package dev.nsbridge.engine.store;

import dev.nsbridge.spi.state.Ledger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One pipeline's {@link Ledger} in the {@code pipeline_ledger} table. */
final class JdbcLedger implements Ledger {
    /** Keys per statement: well under SQLite's and PostgreSQL's limits on bound parameters. */
    private static final int CHUNK = 500;

    private final Database database;
    private final Clock clock;
    private final String pipeline;

    JdbcLedger(Database database, Clock clock, String pipeline) {
        this.database = database;
        this.clock = clock;
        this.pipeline = pipeline;
    }

    @Override
    public Map<String, String> find(Collection<String> keys) {
        Map<String, String> found = new HashMap<>();
        for (List<String> chunk : chunks(keys)) {
            database.read(connection -> {
                String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement select = connection.prepareStatement("SELECT entry_key, entry_value FROM"
                        + " pipeline_ledger WHERE pipeline = ? AND entry_key IN (" + marks + ")")) {
                    select.setString(1, pipeline);
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 2, chunk.get(i));
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            found.put(rows.getString(1), rows.getString(2));
                        }
                    }
                }
                return null;
            });
        }
        return found;
    }

    @Override
    public void put(Map<String, String> entries) {
        if (entries.isEmpty()) {
            return;
        }
        database.transaction(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO pipeline_ledger (pipeline,"
                    + " entry_key, entry_value, written_at) VALUES (?, ?, ?, ?) ON CONFLICT (pipeline, entry_key)"
                    + " DO UPDATE SET entry_value = excluded.entry_value, written_at = excluded.written_at")) {
                long now = clock.millis();
                for (Map.Entry<String, String> entry : entries.entrySet()) {
                    upsert.setString(1, pipeline);
                    upsert.setString(2, entry.getKey());
                    upsert.setString(3, entry.getValue());
                    upsert.setLong(4, now);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void remove(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        database.transaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM pipeline_ledger WHERE pipeline = ? AND entry_key = ?")) {
                for (String key : keys) {
                    delete.setString(1, pipeline);
                    delete.setString(2, key);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            return null;
        });
    }

    private static List<List<String>> chunks(Collection<String> keys) {
        List<String> all = new ArrayList<>(keys);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }
}
