package dev.nsbridge.sandbox.klaviyo;

import dev.nsbridge.sandbox.MovableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A local Klaviyo on a loopback port: every request is checked against Klaviyo's OpenAPI spec (revision
 * 2026-07-15), answered with Klaviyo's semantics, rate limited from the spec's own figures, and recorded. Tests,
 * the demo and the benchmarks start one in-process; {@code nsbridge sandbox} starts one from the command line.
 */
public interface KlaviyoSandbox extends AutoCloseable {

    /** Starts a sandbox and answers once it takes requests; the spec is parsed once per JVM. */
    static KlaviyoSandbox start(Options options) {
        return KlaviyoServer.start(options);
    }

    /** Where clients send requests, e.g. {@code http://127.0.0.1:41234}; paths are Klaviyo's own ({@code /api/…}). */
    URI baseUrl();

    /** The account's private API key ({@code pk_…}), sent as {@code Authorization: Klaviyo-API-Key pk_…}. */
    String privateApiKey();

    /** The sandbox's clock: rate-limit windows, job progress and timestamps follow it. */
    MovableClock clock();

    /** Faults, rate limits and job speed, changeable while the sandbox runs. */
    Knobs knobs();

    /** Every request received, oldest first, with the API key removed. */
    List<ReceivedRequest> received();

    List<KlaviyoProfile> profiles();

    List<KlaviyoEvent> events();

    /** Lists with their members. */
    List<KlaviyoList> lists();

    /** Every consent given through the subscribe job, in the order it was recorded. */
    List<KlaviyoSubscription> subscriptions();

    /** The email marketing suppressions in force now. */
    List<KlaviyoSuppression> suppressions();

    List<KlaviyoCatalogItem> catalogItems();

    /** Every catalog item's variants, each naming its item. */
    List<KlaviyoCatalogVariant> catalogVariants();

    /** Bulk jobs of every kind, as they stand at the clock's current time. */
    List<KlaviyoJob> jobs();

    /**
     * Suppresses an email as Klaviyo would when someone unsubscribes, marks spam or bounces; creates the profile when
     * no profile has that email. Answers the profile id.
     */
    String suppress(String email, SuppressionReason reason, Instant timestamp);

    /** The fragment printed on start: {@code {"baseUrl":…,"privateApiKey":…}}. */
    String startupJson();

    @Override
    void close();

    /**
     * @param host the address to bind, {@code 127.0.0.1} unless told otherwise
     * @param port 0 takes a free port
     * @param seed seeds the API key, the ids and the fault draws, so a run can be repeated
     */
    record Options(String host, int port, long seed, MovableClock clock) {
        public static Options defaults() {
            return new Options("127.0.0.1", 0, 42, MovableClock.system());
        }

        public Options withPort(int value) {
            return new Options(host, value, seed, clock);
        }

        public Options withSeed(long value) {
            return new Options(host, port, value, clock);
        }

        public Options withClock(MovableClock value) {
            return new Options(host, port, seed, value);
        }
    }

    /** The sandbox's knobs; every setter takes effect for the next request. */
    interface Knobs {
        Knobs faults(Faults faults);

        /** Enforced (the default) answers 429 past a window's limit as Klaviyo does; relaxed only counts. */
        Knobs rateLimitsEnforced(boolean enforced);

        /** How long a bulk job stays queued, then how many of its items it processes per second of sandbox time. */
        Knobs jobSpeed(Duration queuedFor, int itemsPerSecond);

        /**
         * As {@link #jobSpeed(Duration, int)} for one job type only (its JSON:API type, such as
         * {@code profile-subscription-bulk-create-job}): Klaviyo answers 202 and applies a subscribe job later.
         */
        Knobs jobSpeed(String jobType, Duration queuedFor, int itemsPerSecond);

        Faults faults();

        boolean rateLimitsEnforced();
    }

    /**
     * Faults drawn per request from the sandbox's seeded random, before the request is looked at.
     *
     * @param serverErrorShare share of requests answered 500
     * @param throttleShare    share answered 429 with {@code Retry-After}, whatever the load
     * @param slowShare        share delayed by {@code slowBy} before they are handled
     * @param slowBy           the extra delay of a slow answer
     */
    record Faults(double serverErrorShare, double throttleShare, double slowShare, Duration slowBy) {
        public static final Faults NONE = new Faults(0, 0, 0, Duration.ZERO);
    }
}
