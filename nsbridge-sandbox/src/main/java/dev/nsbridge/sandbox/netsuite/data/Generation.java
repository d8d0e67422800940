package dev.nsbridge.sandbox.netsuite.data;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * What every generator piece shares: the seed, the scale, "now" in the account's time zone and the id counters.
 * Each piece draws from its own random stream so that changing one table's generator leaves the others' data alone.
 */
final class Generation {
    static final int SUBSIDIARIES = 5;
    static final int LOCATIONS = 4;
    static final int DEPARTMENTS = 5;
    static final int CLASSES = 4;
    static final int HISTORY_DAYS = 3 * 365;

    final long seed;
    final double scale;
    final ZoneId zone;
    final LocalDateTime now;
    final int items;
    final int customers;
    final int salesOrders;
    private long nextEntityId = 100;
    private long nextAddressKey = 1;
    private long nextSystemNoteId = 1;
    long firstEmployeeId;
    long employees;

    Generation(long seed, double scale, ZoneId zone, LocalDateTime now) {
        this.seed = seed;
        this.scale = scale;
        this.zone = zone;
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        this.items = (int) Math.max(12, Math.min(2_000, Math.round(200 * scale)));
        this.customers = (int) Math.max(10, Math.round(1_000 * scale));
        this.salesOrders = (int) Math.max(20, Math.round(5_000 * scale));
    }

    SplittableRandom random(String stage) {
        return new SplittableRandom(seed * 31 + stage.hashCode());
    }

    long nextEntityId() {
        return nextEntityId++;
    }

    long nextAddressKey() {
        return nextAddressKey++;
    }

    void startSystemNotesAt(long id) {
        nextSystemNoteId = id;
    }

    long nextSystemNoteId() {
        return nextSystemNoteId++;
    }

    /** A moment within the account's history, skewed towards the recent past as a growing business's is. */
    LocalDateTime pastMoment(SplittableRandom random) {
        double skewed = Math.sqrt(random.nextDouble());
        long secondsAgo = (long) ((1 - skewed) * HISTORY_DAYS * 86_400L);
        return now.minusSeconds(secondsAgo);
    }

    /** A moment between {@code from} and now. */
    LocalDateTime after(SplittableRandom random, LocalDateTime from, long maxDays) {
        long span = Math.max(1, Math.min(ChronoUnit.SECONDS.between(from, now), maxDays * 86_400L));
        LocalDateTime moment = from.plusSeconds(1 + (long) (random.nextDouble() * span));
        // Nothing is stamped in the future: what happens "now" (simulated activity) is stamped exactly now.
        return moment.isAfter(now) ? (from.isAfter(now) ? from : now) : moment;
    }

    /** The subsidiary's currency has the subsidiary's id: 1 USD, 2 GBP, 3 EUR, 4 JPY, 5 CAD. */
    static long currencyOf(long subsidiary) {
        return subsidiary;
    }
}
