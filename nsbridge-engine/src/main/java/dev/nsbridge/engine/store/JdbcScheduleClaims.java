package dev.nsbridge.engine.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

/** {@link ScheduleClaims} as the latest claimed time per pipeline in {@code schedule_claims}. */
final class JdbcScheduleClaims implements ScheduleClaims {
    private final Database database;
    private final ProcessIdentity self;

    JdbcScheduleClaims(Database database, ProcessIdentity self) {
        this.database = database;
        this.self = self;
    }

    @Override
    public boolean claim(String pipeline, Instant slot, Instant at) {
        return database.transaction(connection -> {
            database.lock(connection, "schedule:" + pipeline);
            boolean known;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT slot FROM schedule_claims WHERE pipeline = ?")) {
                select.setString(1, pipeline);
                try (ResultSet rows = select.executeQuery()) {
                    known = rows.next();
                    if (known && rows.getLong(1) >= slot.toEpochMilli()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement write = connection.prepareStatement(known
                    ? "UPDATE schedule_claims SET slot = ?, claimed_by = ?, claimed_at = ? WHERE pipeline = ?"
                    : "INSERT INTO schedule_claims (slot, claimed_by, claimed_at, pipeline) VALUES (?, ?, ?, ?)")) {
                write.setLong(1, slot.toEpochMilli());
                write.setString(2, self.pid() + "@" + self.host());
                write.setLong(3, at.toEpochMilli());
                write.setString(4, pipeline);
                write.executeUpdate();
            }
            return true;
        });
    }
}
