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
import dev.nsbridge.sandbox.klaviyo.ReceivedRequest;
import dev.nsbridge.spi.destination.WriteResult;
import dev.nsbridge.spi.state.Ledger;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Events/s and profiles/s into the local Klaviyo sandbox with Klaviyo's rate limits enforced, through the flows'
 * own deliveries (bulk event jobs of 1,000, bulk profile imports of 10,000) and nsbridge's Klaviyo client, against
 * the steady ceilings of 150 requests a minute: 2,500 events/s and 25,000 profiles/s.
 *
 * <p>Usage: {@code KlaviyoBenchmark [whole minutes per phase, default 3] [senders, default 2]}: each sender is one
 * thread delivering batch after batch, as parallel pipelines would, through one client. Not part of
 * {@code mvn verify}.
 */
public final class KlaviyoBenchmark {
    private static final int EVENTS_PER_BATCH = 1_000;
    private static final int PROFILES_PER_BATCH = 10_000;
    private static final int CUSTOMERS = 20_000;
    private static final WriteOptions OPTIONS = new WriteOptions("klaviyo-benchmark", false, OptionalLong.empty());

    private KlaviyoBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration length = Duration.ofMinutes(args.length > 0 ? Long.parseLong(args[0]) : 3);
        int senders = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        System.out.println("KlaviyoBenchmark: " + length.toMinutes() + " min per phase, " + senders + " senders; "
                + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, collectors " + collectors() + ", Java "
                + System.getProperty("java.version"));
        List<PhaseResult> results = List.of(events(length, senders), profiles(length, senders));
        System.out.println();
        System.out.println(PhaseResult.HEADER);
        results.forEach(result -> System.out.println(result.row()));
    }

    /** The collector shapes the sandbox's share of the machine (its spec check allocates hundreds of MB/s). */
    private static String collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(" + "));
    }

    private static PhaseResult events(Duration length, int senders) throws Exception {
        try (BenchKlaviyo klaviyo = new BenchKlaviyo()) {
            Instant now = klaviyo.clock().instant();
            OrderFlowSettings settings = OrderFlowSettings.from(FlowType.ORDERS.settings()
                    .parse(Map.of("line_events", false)).orThrow(), now);
            EventDelivery delivery = new EventDelivery(klaviyo.client(), EventKind.PLACED, settings,
                    DryRunRecorder.DISCARD);
            SyntheticRows rows = new SyntheticRows(CUSTOMERS, now);
            Run run = run(klaviyo, delivery, rows::orders, EVENTS_PER_BATCH, senders, length, "/api/event-bulk-create-jobs");
            return new PhaseResult("events (Placed Order)", EVENTS_PER_BATCH, run.bulkRequests() * EVENTS_PER_BATCH, run,
                    2_500);
        }
    }

    private static PhaseResult profiles(Duration length, int senders) throws Exception {
        try (BenchKlaviyo klaviyo = new BenchKlaviyo()) {
            Instant now = klaviyo.clock().instant();
            String listId = klaviyo.createList("Customers");
            CustomerFlowSettings settings = CustomerFlowSettings.from(FlowType.CUSTOMERS.settings()
                    .parse(Map.of("list_id", listId, "write_back_profile_id", false)).orThrow());
            // No NetSuite: with write-back off the profile-id step never calls it.
            ProfileDelivery delivery = new ProfileDelivery(klaviyo.client(), settings,
                    // No synthetic row carries consent, so the ledger is never written: memory is enough.
                    new Consents(klaviyo.client(), listId, now, klaviyo.clock(), Ledger.inMemory()),
                    new ProfileIds(klaviyo.client(), null, settings.profileIdField(), false), DryRunRecorder.DISCARD);
            SyntheticRows rows = new SyntheticRows(CUSTOMERS * 5, now);
            Run run = run(klaviyo, delivery, rows::customers, PROFILES_PER_BATCH, senders, length,
                    "/api/profile-bulk-import-jobs");
            return new PhaseResult("profiles (bulk import)", PROFILES_PER_BATCH,
                    run.bulkRequests() * PROFILES_PER_BATCH, run, 25_000);
        }
    }

    /** What one phase did, on the sandbox's clock and on the wall clock. */
    record Run(long written, long recordErrors, Duration sandboxTime, Duration wallTime, long bulkRequests,
               long allRequests, long throttled) {
    }

    private static Run run(BenchKlaviyo klaviyo, Delivery delivery, IntFunction<List<Map<String, Object>>> rows,
                           int batch, int senders, Duration length, String bulkPath) throws InterruptedException {
        // One batch outside the window warms the JIT and the sandbox's validator.
        delivery.deliver(rows.apply(batch), OPTIONS);
        int before = klaviyo.sandbox().received().size();
        // Klaviyo's steady windows are fixed minutes: a window that is not whole minutes, aligned to them, could
        // hold up to two minutes' quota at its edges. Start on a minute of the sandbox's clock and count whole ones.
        long toNextMinute = 60_000 - Math.floorMod(klaviyo.clock().millis(), 60_000);
        Thread.sleep(toNextMinute);
        Instant start = klaviyo.clock().instant();
        long wallStart = System.nanoTime();
        Instant end = start.plus(length);
        AtomicLong written = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        for (int i = 0; i < senders; i++) {
            pool.execute(() -> {
                while (klaviyo.clock().instant().isBefore(end)) {
                    WriteResult result = delivery.deliver(rows.apply(batch), OPTIONS);
                    written.addAndGet(result.written());
                    errors.addAndGet(result.errors().size());
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(length.toSeconds() + 600, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the senders did not finish");
        }
        Duration sandboxTime = length;
        Duration wallTime = Duration.ofNanos(System.nanoTime() - wallStart);
        List<ReceivedRequest> sent = klaviyo.sandbox().received();
        sent = sent.subList(before, sent.size());
        // Only what Klaviyo accepted inside the window counts; batches still in flight at its end do not.
        sent = sent.stream().filter(r -> r.at().isBefore(end)).toList();
        long bulk = sent.stream().filter(r -> r.method().equals("POST") && r.path().equals(bulkPath)
                && r.status() == 202).count();
        long throttled = sent.stream().filter(r -> r.status() == 429).count();
        return new Run(written.get(), errors.get(), sandboxTime, wallTime, bulk, sent.size(), throttled);
    }
}
