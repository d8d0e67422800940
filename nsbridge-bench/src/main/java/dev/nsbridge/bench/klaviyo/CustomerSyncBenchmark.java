package dev.nsbridge.bench.klaviyo;

import dev.nsbridge.engine.store.SqlStores;
import dev.nsbridge.flows.FlowContext;
import dev.nsbridge.flows.FlowPieces;
import dev.nsbridge.flows.FlowType;
import dev.nsbridge.flows.Flows;
import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.netsuite.NetSuiteAccountId;
import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.NetSuiteConnection;
import dev.nsbridge.netsuite.auth.TbaAuth;
import dev.nsbridge.netsuite.auth.TbaCredentials;
import dev.nsbridge.netsuite.suiteql.SuiteQlQuery;
import dev.nsbridge.sandbox.klaviyo.KlaviyoProfile;
import dev.nsbridge.sandbox.klaviyo.ReceivedRequest;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.destination.DestinationWriter;
import dev.nsbridge.spi.destination.WriteResult;
import dev.nsbridge.spi.secret.Secret;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.state.State;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The customers flow end to end on a first sync, as {@code nsbridge run} does it: the local NetSuite's customers read
 * by the flow, bulk-imported into the local Klaviyo, opt-ins subscribed, Klaviyo's profile ids looked up and written
 * back to NetSuite. Klaviyo's rate limits are enforced on real time ({@link BenchKlaviyo}); NetSuite answers each
 * request {@code latency} late within a concurrency limit of 5, of which the flow may use all (reserve 0).
 *
 * <p>Each leg is shown against its own ceiling, counted at the servers: Klaviyo's bulk imports (150/min), subscribe
 * jobs (750/min), profile reads (750/min, shared by the id lookups and the consent check), and NetSuite's PATCHes
 * (the write-back's threads ÷ the latency). Then, in the same process, the old write-back (a lookup and a PATCH per
 * customer, {@link PerProfileWriteBack}) runs for a fixed window over customers of the same account, and its rate is
 * extrapolated to the whole account.
 *
 * <p>Usage: {@code CustomerSyncBenchmark [customers, default 100000] [NetSuite latency ms, default 50]
 * [baseline window s, default 120]}. Not part of {@code mvn verify}.
 */
public final class CustomerSyncBenchmark {
    private static final int CONCURRENCY_LIMIT = 5;
    private static final String FIELD = "custentity_klaviyo_profile_id";

    private CustomerSyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Duration latency = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 50);
        Duration baselineWindow = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 120);
        System.out.printf(Locale.ROOT, "CustomerSyncBenchmark: %,d customers, NetSuite latency %d ms, concurrency "
                        + "limit %d, baseline window %d s; %d cores, max heap %d MB, Java %s, load average %.2f%n",
                customers, latency.toMillis(), CONCURRENCY_LIMIT, baselineWindow.toSeconds(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("java.version"), ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        long generating = System.nanoTime();
        Path work = Files.createTempDirectory("nsbridge-customer-sync");
        try (NetSuiteSandbox netSuite = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults()
                .withScale(customers / 1000.0).withConcurrencyLimit(CONCURRENCY_LIMIT));
             BenchKlaviyo klaviyo = new BenchKlaviyo();
             // The flow's consent ledger in a state database, as nsbridge run keeps it.
             SqlStores stores = SqlStores.open(work.resolve("nsbridge.db"), Clock.systemUTC())) {
            System.out.printf(Locale.ROOT, "NetSuite account generated in %.0f s%n", seconds(generating));
            NetSuiteClient client = netSuiteClient(netSuite, work);
            long active = count(client, "isinactive = 'F'");
            long heldIds = count(client, "isinactive = 'F' AND " + FIELD + " IS NOT NULL");
            netSuite.knobs().latency(latency, Duration.ZERO);
            String listId = klaviyo.createList("Newsletter");
            FlowPieces pieces = Flows.build("customers", "customers-benchmark", new FlowContext(client,
                    klaviyo.client(), FlowType.CUSTOMERS.settings().parse(Map.of("list_id", listId, "batch_size",
                    1000)).orThrow(), Instant.now(), Clock.systemUTC(), DryRunRecorder.DISCARD,
                    stores.ledger("customers-benchmark")));
            Instant start = klaviyo.clock().instant();
            long netSuiteRequestsBefore = netSuite.stats().requests();
            Timeline run = run(pieces, klaviyo);
            long written = count(client, "isinactive = 'F' AND " + FIELD + " IS NOT NULL") - heldIds;
            List<ReceivedRequest> received = klaviyo.sandbox().received().stream()
                    .filter(r -> !r.at().isBefore(start)).toList();
            int threads = Math.max(1, client.governance().budget().permits() - 1);
            report(active, heldIds, run, written, received, latency, threads,
                    netSuite.stats().requests() - netSuiteRequestsBefore);
            baseline(klaviyo, client, customers, baselineWindow);
        }
    }

    /** When the flow's run had delivered everything to Klaviyo, and when its write-back was done too. */
    record Timeline(Instant start, Instant delivered, Instant complete, long rowsRead, long recordErrors) {
    }

    /** The engine's loop, cut to one run from an empty state: read, write each batch, complete at the end. */
    private static Timeline run(FlowPieces pieces, BenchKlaviyo klaviyo) {
        Instant start = klaviyo.clock().instant();
        long rows = 0;
        long errors = 0;
        State state = State.EMPTY;
        Instant delivered;
        try (DestinationWriter writer = pieces.destination().open(pieces.write());
             BatchReader reader = pieces.source().read(pieces.read())) {
            Optional<Batch> next;
            while ((next = reader.next()).isPresent()) {
                WriteResult result = writer.write(next.get());
                rows += next.get().size();
                errors += result.errors().size();
                state = next.get().stateAfter();
            }
            delivered = klaviyo.clock().instant();
            writer.complete(state);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
        return new Timeline(start, delivered, klaviyo.clock().instant(), rows, errors);
    }

    private static void report(long active, long heldIds, Timeline run, long written, List<ReceivedRequest> received,
                               Duration latency, int threads, long netSuiteRequests) {
        System.out.printf(Locale.ROOT, "%nActive customers %,d (%,d held a profile id already); rows read %,d "
                        + "(patched customers read again included); record errors %,d%n", active, heldIds,
                run.rowsRead(), run.recordErrors());
        System.out.printf(Locale.ROOT, "Delivered to Klaviyo after %.1f s; write-back done after %.1f s; NetSuite "
                        + "requests %,d%n%n", between(run.start(), run.delivered()),
                between(run.start(), run.complete()), netSuiteRequests);
        System.out.println("| leg | requests | items | first to last s | steady limit | floor s at the limit | 429s |");
        System.out.println("|---|---|---|---|---|---|---|");
        leg("bulk import", received, r -> post(r, "/api/profile-bulk-import-jobs"), 150, "profiles.data");
        leg("subscribe", received, r -> post(r, "/api/profile-subscription-bulk-create-jobs"), 750, "profiles.data");
        leg("profile reads: id lookups", received, CustomerSyncBenchmark::idLookup, 750, null);
        leg("profile reads: consent check", received, r -> profileRead(r) && !idLookup(r), 750, null);
        leg("profile reads: both", received, CustomerSyncBenchmark::profileRead, 750, null);
        Instant firstLookup = received.stream().filter(CustomerSyncBenchmark::idLookup).map(ReceivedRequest::at)
                .min(Comparator.naturalOrder()).orElse(run.start());
        double patchSeconds = between(firstLookup, run.complete());
        double ceiling = threads / (latency.toMillis() / 1000.0);
        System.out.printf(Locale.ROOT, "| NetSuite PATCH (write-back) | %,d | %,d | %.1f | %d threads ÷ %d ms = %.0f/s "
                        + "| %.1f | - |%n", written, written, patchSeconds, threads, latency.toMillis(), ceiling,
                written / ceiling);
        System.out.printf(Locale.ROOT, "%nWrite-back: %,d ids at %.1f/s, %.1f%% of NetSuite's ceiling%n", written,
                written / patchSeconds, 100 * written / patchSeconds / ceiling);
    }

    private static void leg(String name, List<ReceivedRequest> received, Predicate<ReceivedRequest> which,
                            int perMinute, String itemsPointer) {
        List<ReceivedRequest> leg = received.stream().filter(which).toList();
        List<ReceivedRequest> answered = leg.stream().filter(r -> r.status() != 429).toList();
        long items = itemsPointer == null ? 0 : answered.stream().mapToLong(r -> itemCount(r.body())).sum();
        double span = leg.isEmpty() ? 0 : between(leg.get(0).at(), leg.get(leg.size() - 1).at());
        // Fixed one-minute windows: n requests need at least ceil(n / limit) - 1 whole minutes after the first.
        double floor = answered.isEmpty() ? 0 : 60.0 * ((answered.size() + perMinute - 1) / perMinute - 1);
        System.out.printf(Locale.ROOT, "| %s | %,d | %s | %.1f | %d/min | %.0f | %,d |%n", name, answered.size(),
                itemsPointer == null ? "-" : String.format(Locale.ROOT, "%,d", items), span, perMinute, floor,
                leg.size() - answered.size());
    }

    private static void baseline(BenchKlaviyo klaviyo, NetSuiteClient client, int customers, Duration window)
            throws InterruptedException {
        List<String> ids = klaviyo.sandbox().profiles().stream().map(KlaviyoProfile::externalId)
                .filter(Objects::nonNull).sorted().toList();
        // A fresh minute of read quota, so the old path is not charged for the new one's reads.
        Thread.sleep(61_000);
        PerProfileWriteBack.Outcome old = new PerProfileWriteBack(klaviyo.client(), client, FIELD).run(ids, window);
        System.out.printf(Locale.ROOT, "%nBaseline, the old per-profile write-back for %.0f s: %,d customers "
                        + "(%,d lookups), %.1f/s; at that rate %,d profiles take %.0f min; by request count "
                        + "alone (%,d lookups at 750/min) at least %.0f min%n", old.took().toMillis() / 1000.0,
                old.customers(), old.lookups(), old.perSecond(), ids.size(), ids.size() / old.perSecond() / 60,
                ids.size(), ids.size() / 750.0);
    }

    private static boolean post(ReceivedRequest request, String path) {
        return request.method().equals("POST") && request.path().equals(path);
    }

    private static boolean profileRead(ReceivedRequest request) {
        return request.method().equals("GET") && request.path().equals("/api/profiles");
    }

    /** The write-back's reads carry no consent fields; the consent check's ask for subscriptions. */
    private static boolean idLookup(ReceivedRequest request) {
        return profileRead(request) && request.query().keySet().stream()
                .noneMatch(key -> key.startsWith("additional-fields"));
    }

    private static long itemCount(String body) {
        int at = body.indexOf("\"profiles\"");
        if (at < 0) {
            return 0;
        }
        // Each profile resource in the job body opens with its type.
        long count = 0;
        for (int i = body.indexOf("\"type\":\"profile\"", at); i >= 0; i = body.indexOf("\"type\":\"profile\"", i + 1)) {
            count++;
        }
        return count;
    }

    private static long count(NetSuiteClient client, String where) {
        return Long.parseLong(client.suiteQl().page(SuiteQlQuery.of("SELECT COUNT(*) AS n FROM customer WHERE "
                + where), 0, 1).rows().get(0).string("n"));
    }

    private static NetSuiteClient netSuiteClient(NetSuiteSandbox sandbox, Path state) {
        NetSuiteAccountId account = NetSuiteAccountId.parse(sandbox.accountId());
        NetSuiteSandbox.Tba tba = sandbox.credentials().tba();
        TbaAuth auth = new TbaAuth(new TbaCredentials(account, Secret.of(tba.consumerKey()),
                Secret.of(tba.consumerSecret()), Secret.of(tba.tokenId()), Secret.of(tba.tokenSecret())),
                sandbox.clock());
        return new NetSuiteClient(NetSuiteConnection.of(account, auth, state).withBaseUrl(sandbox.baseUrl())
                .withConcurrency(CONCURRENCY_LIMIT, 0), HttpClient.newHttpClient(), Clock.systemUTC());
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private static double between(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
