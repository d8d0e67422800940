package dev.nsbridge.sandbox.klaviyo;

/** An operation's two fixed windows, as its {@code x-klaviyo-ratelimit} states them: per second and per minute. */
record RateLimit(int burstPerSecond, int steadyPerMinute) {

    /** Reads {@code {"burst": "10/s", "steady": "150/m"}}. */
    static RateLimit parse(String burst, String steady) {
        return new RateLimit(count(burst, "/s"), count(steady, "/m"));
    }

    private static int count(String figure, String unit) {
        if (figure == null || !figure.endsWith(unit)) {
            throw new IllegalArgumentException("unexpected rate limit figure: " + figure);
        }
        return Integer.parseInt(figure.substring(0, figure.length() - unit.length()));
    }
}
