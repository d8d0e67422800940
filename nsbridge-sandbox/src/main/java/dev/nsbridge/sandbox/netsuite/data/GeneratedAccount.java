package dev.nsbridge.sandbox.netsuite.data;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Builds a sandbox account filled by the deterministic generator. */
public final class GeneratedAccount {
    /** NetSuite's default for a new user, and the sandbox's when nobody says otherwise. */
    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("America/Los_Angeles");

    private GeneratedAccount() {
    }

    /**
     * @param accountId the account id as NetSuite writes it, e.g. {@code 1234567_SB1}
     * @param seed      the same seed and scale always give the same data
     * @param scale     1 is about 1,000 customers and 5,000 sales orders with their lines
     * @param clock     stamps generated dates (relative to now) and later changes
     */
    public static NetSuiteAccount generate(String accountId, long seed, double scale, Clock clock) {
        return generate(accountId, seed, scale, DEFAULT_TIME_ZONE, clock);
    }

    /**
     * @param timeZone the NetSuite user's time zone: dates are stored as local date-times in it, as NetSuite shows
     *                 them to that user, and converted to UTC for the records API
     */
    public static NetSuiteAccount generate(String accountId, long seed, double scale, ZoneId timeZone, Clock clock) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive, was " + scale);
        }
        AccountDatabase database = new AccountDatabase(accountId);
        try {
            Generation generation = new Generation(seed, scale, timeZone, LocalDateTime.ofInstant(clock.instant(),
                    timeZone));
            database.load(connection -> {
                Schema.create(connection);
                new ReferenceData(generation).write(connection);
                EntityData.Customers customers = new EntityData(generation).write(connection);
                TransactionData transactions = new TransactionData(generation, connection, 1);
                transactions.write(connection, customers);
                new LedgerEntries(generation, transactions.nextId()).write(connection);
                new RelationshipData(generation).write(connection);
                new CustomRecords(generation).write(connection);
                Schema.index(connection);
                return null;
            });
            return new H2Account(database, clock, timeZone);
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw new IllegalStateException("could not generate the sandbox account " + accountId, e);
        }
    }
}
