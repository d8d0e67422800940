package dev.nsbridge.sandbox.netsuite.data;

import dev.nsbridge.sandbox.netsuite.data.NetSuiteAccount.ActivityReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * What a live account does between two syncs: new and edited customers and orders, lines removed from open orders
 * (which deletedrecord never shows), deleted customers and orders (which it does), all stamped with the clock's now.
 */
final class ActivitySimulator {
    private final AccountDatabase database;
    private final Clock clock;
    private final ZoneId zone;
    private long rounds;

    ActivitySimulator(AccountDatabase database, Clock clock, ZoneId zone) {
        this.database = database;
        this.clock = clock;
        this.zone = zone;
    }

    synchronized ActivityReport simulate(int changes) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), zone);
        Generation generation = new Generation(now.toLocalDate().toEpochDay() * 1_000 + rounds++, 1, zone, now);
        SplittableRandom random = generation.random("activity");
        Map<String, Integer> inserted = new TreeMap<>();
        Map<String, Integer> updated = new TreeMap<>();
        Map<String, Integer> deleted = new TreeMap<>();
        try {
            database.write(connection -> {
                ActivityWrites writes = new ActivityWrites(connection, generation, random);
                for (int i = 0; i < changes; i++) {
                    int roll = random.nextInt(100);
                    if (roll < 20) {
                        writes.newCustomer();
                        inserted.merge("customer", 1, Integer::sum);
                    } else if (roll < 40) {
                        count(updated, "customer", writes.editCustomer(pick(connection, random, "customer", "1 = 1")));
                    } else if (roll < 65) {
                        count(inserted, "transaction", writes.newOrder(pick(connection, random, "customer", "1 = 1")));
                    } else if (roll < 80) {
                        count(updated, "transaction", writes.editOrder(pick(connection, random, "transaction",
                                "type = 'SalesOrd'")));
                    } else if (roll < 90) {
                        count(deleted, "transactionline", writes.removeLine(pick(connection, random, "transaction",
                                "type = 'SalesOrd' AND status IN ('A', 'B') AND (SELECT COUNT(*) FROM transactionline l "
                                        + "WHERE l.transaction = transaction.id AND l.mainline = 'F' AND l.taxline = 'F') > 1")));
                    } else if (roll < 95) {
                        count(deleted, "customer", writes.deleteCustomer(pick(connection, random, "customer",
                                "NOT EXISTS (SELECT 1 FROM transaction t WHERE t.entity = customer.id)")));
                    } else {
                        count(deleted, "transaction", writes.deleteOrder(pick(connection, random, "transaction",
                                "type = 'SalesOrd' AND status IN ('A', 'B') AND NOT EXISTS (SELECT 1 FROM "
                                        + "previoustransactionlinelink l WHERE l.previousdoc = transaction.id)")));
                    }
                }
                writes.finish();
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("the simulated activity failed", e);
        }
        return new ActivityReport(Map.copyOf(inserted), Map.copyOf(updated), Map.copyOf(deleted));
    }

    private static void count(Map<String, Integer> counts, String table, boolean changed) {
        if (changed) {
            counts.merge(table, 1, Integer::sum);
        }
    }

    /** A random row of {@code table} matching {@code condition}, if there is one. */
    private static OptionalLong pick(Connection connection, SplittableRandom random, String table, String condition)
            throws SQLException {
        long count;
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE "
                + condition); ResultSet rows = statement.executeQuery()) {
            rows.next();
            count = rows.getLong(1);
        }
        if (count == 0) {
            return OptionalLong.empty();
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM " + table + " WHERE "
                + condition + " ORDER BY id OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY")) {
            statement.setLong(1, random.nextLong(count));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        }
    }
}
