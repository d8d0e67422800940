package dev.nsbridge.sandbox.klaviyo;

import java.util.Random;

/** Makes ids shaped like Klaviyo's from the sandbox's seeded random, so a seeded run repeats its ids. */
final class Ids {
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private final Random random;

    Ids(long seed) {
        this.random = new Random(seed);
    }

    /** Profile, event and job ids: 26 characters of Crockford base32, like a ULID. */
    synchronized String ulid() {
        StringBuilder id = new StringBuilder("01");
        for (int i = 0; i < 24; i++) {
            id.append(CROCKFORD.charAt(random.nextInt(CROCKFORD.length())));
        }
        return id.toString();
    }

    /** List ids are six letters and digits. */
    synchronized String shortId() {
        return alphanumeric(6);
    }

    synchronized String alphanumeric(int length) {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < length; i++) {
            id.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return id.toString();
    }

    /** A version 4 UUID drawn from the seeded random, like the {@code uuid} Klaviyo gives each event. */
    synchronized String uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new java.util.UUID(most, least).toString();
    }

    synchronized double nextDouble() {
        return random.nextDouble();
    }
}
