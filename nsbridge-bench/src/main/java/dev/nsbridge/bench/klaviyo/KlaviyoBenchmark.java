package dev.nsbridge.bench.klaviyo;

import dev.nsbridge.flows.FlowType;
import dev.nsbridge.flows.customers.Consents;
import dev.nsbridge.flows.customers.CustomerFlowSettings;
import dev.nsbridge.flows.customers.ProfileDelivery;
import dev.nsbridge.flows.customers.ProfileIds;
import dev.nsbridge.flows.delivery.Delivery;
import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.flows.delivery.WriteOptions;
import dev.nsbridge.flows.orders.EventDelivery;
import dev.nsbridge.flows.orders.EventKind;
import dev.nsbridge.flows.orders.OrderFlowSettings;
import dev.nsbridge.sandbox.klaviyo.KlaviyoJob;
import dev.nsbridge.sandbox.klaviyo.ReceivedRequest;
import dev.nsbridge.spi.destination.WriteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * Events/s and profiles/s into the local Klaviyo sandbox with Klaviyo's rate limits enforced, through the flows'
 * own deliveries (bulk event jobs of 1,000, bulk profile imports of 10,000) and nsbridge's Klaviyo client, against
 * the steady ceilings of 150 requests a minute: 2,500 events/s and 25,000 profiles/s.
 *
 * <p>Usage: {@code KlaviyoBenchmark [seconds of sandbox clock per phase, default 180]}. Not part of {@code mvn verify}.
 */
public final class KlaviyoBenchmark {
    private static final int EVENTS_PER_BATCH = 1_000;
    private static final int PROFILES_PER_BATCH = 10_000;
    private static final int CUSTOMERS = 20_000;
    private static final WriteOptions OPTIONS = new WriteOptions("klaviyo-benchmark", false, OptionalLong.empty());

    private KlaviyoBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration length = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 180);
        System.out.println("KlaviyoBenchmark: " + length.toSeconds() + " s of sandbox clock per phase; "
                + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, Java " + System.getProperty("java.version"));
        List<PhaseResult> results = List.of(events(length), profiles(length));
        System.out.println();
        System.out.println(PhaseResult.HEADER);
        results.forEach(result -> System.out.println(result.row()));
    }

    private static PhaseResult events(Duration length) throws Exception {
        try (BenchKlaviyo klaviyo = new BenchKlaviyo()) {
            Instant now = klaviyo.clock().instant();
            OrderFlowSettings settings = OrderFlowSettings.from(FlowType.ORDERS.settings()
                    .parse(Map.of("line_events", false)).orThrow(), now);
            EventDelivery delivery = new EventDelivery(klaviyo.client(), EventKind.PLACED, settings,
                    DryRunRecorder.DISCARD);
            SyntheticRows rows = new SyntheticRows(CUSTOMERS, now);
            Run run = run(klaviyo, delivery, rows::orders, EVENTS_PER_BATCH, length, "/api/event-bulk-create-jobs");
            long recorded = klaviyo.sandbox().events().size();
            return new PhaseResult("events (Placed Order)", EVENTS_PER_BATCH, recorded, run, 2_500);
        }
    }

    private static PhaseResult profiles(Duration length) throws Exception {
        try (BenchKlaviyo klaviyo = new BenchKlaviyo()) {
            Instant now = klaviyo.clock().instant();
            String listId = klaviyo.createList("Customers");
            CustomerFlowSettings settings = CustomerFlowSettings.from(FlowType.CUSTOMERS.settings()
                    .parse(Map.of("list_id", listId, "write_back_profile_id", false)).orThrow());
            // No NetSuite: with write-back off the profile-id step never calls it.
            ProfileDelivery delivery = new ProfileDelivery(klaviyo.client(), settings,
                    new Consents(klaviyo.client(), listId, now, klaviyo.clock()),
                    new ProfileIds(klaviyo.client(), null, settings.profileIdField(), false), DryRunRecorder.DISCARD);
            SyntheticRows rows = new SyntheticRows(CUSTOMERS * 5, now);
            Run run = run(klaviyo, delivery, rows::customers, PROFILES_PER_BATCH, length,
                    "/api/profile-bulk-import-jobs");
            long imported = klaviyo.sandbox().jobs().stream().filter(j -> j.type().equals("profile-bulk-import-job"))
                    .mapToLong(KlaviyoJob::completedCount).sum();
            return new PhaseResult("profiles (bulk import)", PROFILES_PER_BATCH, imported, run, 25_000);
        }
    }

    /** What one phase did, on the sandbox's clock and on the wall clock. */
    record Run(long written, long recordErrors, Duration sandboxTime, Duration wallTime, long bulkRequests,
               long allRequests, long throttled) {
    }

    private static Run run(BenchKlaviyo klaviyo, Delivery delivery, IntFunction<List<Map<String, Object>>> rows,
                           int batch, Duration length, String bulkPath) {
        int before = klaviyo.sandbox().received().size();
        // Warm up the JIT and the sandbox's validator on one batch outside the window, then start on a fresh minute
        // of the client's pacing.
        delivery.deliver(rows.apply(batch), OPTIONS);
        klaviyo.clock().advance(Duration.ofSeconds(61));
        before = klaviyo.sandbox().received().size();
        Instant start = klaviyo.clock().instant();
        long wallStart = System.nanoTime();
        Instant end = start.plus(length);
        long written = 0;
        long errors = 0;
        while (klaviyo.clock().instant().isBefore(end)) {
            WriteResult result = delivery.deliver(rows.apply(batch), OPTIONS);
            written += result.written();
            errors += result.errors().size();
        }
        Duration sandboxTime = Duration.between(start, klaviyo.clock().instant());
        Duration wallTime = Duration.ofNanos(System.nanoTime() - wallStart);
        List<ReceivedRequest> sent = klaviyo.sandbox().received();
        sent = sent.subList(before, sent.size());
        long bulk = sent.stream().filter(r -> r.method().equals("POST") && r.path().equals(bulkPath)).count();
        long throttled = sent.stream().filter(r -> r.status() == 429).count();
        return new Run(written, errors, sandboxTime, wallTime, bulk, sent.size(), throttled);
    }
}
