package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.app.Main;
import dev.nsbridge.app.demo.KlaviyoDemoStep;
import dev.nsbridge.sandbox.klaviyo.KlaviyoEvent;
import dev.nsbridge.sandbox.klaviyo.KlaviyoProfile;
import dev.nsbridge.sandbox.klaviyo.KlaviyoSandbox;
import dev.nsbridge.sandbox.klaviyo.KlaviyoSubscription;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code nsbridge run} of a live customers flow and of a live orders flow at random moments, then lets one run
 * of each finish: Klaviyo must then hold what NetSuite says, each consent and each event once. Every consent on file
 * predates go-live, so none may arrive as a new subscription, whatever a killed process had done before it died.
 */
final class FlowCrashIT {
    private static final int KILLS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private NetSuiteSandbox netSuite;
    private KlaviyoSandbox klaviyo;

    /** Kept when the test fails: the state database and every run's log, for the post-mortem. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path folder;

    @BeforeEach
    void start() {
        netSuite = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.1));
        // Slow enough that a kill lands inside a read or a write, not only before or after one.
        netSuite.knobs().latency(Duration.ofMillis(20), Duration.ZERO);
        klaviyo = KlaviyoSandbox.start(KlaviyoSandbox.Options.defaults());
        klaviyo.knobs().jobSpeed(Duration.ZERO, 10_000_000);
    }

    @AfterEach
    void stop() {
        try {
            klaviyo.close();
        } finally {
            netSuite.close();
        }
    }

    @Test
    void shouldSendEachConsentAndEventOnceAndNoOldConsentAsNewAfterRunsKilledAtRandomMoments() throws Exception {
        Path config = config(KlaviyoDemoStep.newsletterList(klaviyo));
        assertThat(Commands.run("golive", "customers", "-c", config.toString()).code()).isZero();
        assertThat(Commands.run("golive", "orders", "-c", config.toString()).code()).isZero();
        Instant liveSince = Instant.now();
        Random random = new Random(20261203);

        int customersKilled = killRepeatedly(config, "customers", random);
        int ordersKilled = killRepeatedly(config, "orders", random);
        finish(config, "customers");
        finish(config, "orders");

        assertThat(customersKilled).as("customers runs killed before they finished").isGreaterThanOrEqualTo(KILLS);
        assertThat(ordersKilled).as("orders runs killed before they finished").isGreaterThanOrEqualTo(KILLS);
        List<KlaviyoSubscription> subscriptions = klaviyo.subscriptions();
        assertThat(subscriptions).isNotEmpty().allSatisfy(s -> {
            assertThat(s.historicalImport()).as("historical_import of %s", s).isTrue();
            assertThat(s.consentedAt()).as("consented_at of %s", s).isBefore(liveSince);
        });
        assertThat(subscriptions.stream().collect(Collectors.groupingBy(s -> s.profileId() + " " + s.channel(),
                Collectors.counting()))).allSatisfy((consent, times) -> assertThat(times).as(consent).isOne());
        Set<String> subscribed = subscriptions.stream().map(KlaviyoSubscription::profileId).collect(Collectors.toSet());
        Map<String, KlaviyoProfile> byCustomer = klaviyo.profiles().stream().filter(p -> p.externalId() != null)
                .collect(Collectors.toMap(KlaviyoProfile::externalId, Function.identity()));
        Set<String> refusedCustomers = refused(config, "customers");
        List<String> optedInWithEmail = netSuite("SELECT id FROM customer WHERE isinactive = 'F'"
                + " AND globalsubscriptionstatus IN (1, 3) AND email IS NOT NULL");
        assertThat(optedInWithEmail).filteredOn(id -> !refusedCustomers.contains(id)).isNotEmpty()
                .allSatisfy(id -> assertThat(byCustomer.get(id)).as("customer %s in Klaviyo", id).isNotNull()
                        .satisfies(profile -> assertThat(subscribed).as("customer %s subscribed", id)
                                .contains(profile.id())));

        List<String> placed = klaviyo.events().stream().filter(e -> e.metricName().equals("Placed Order"))
                .map(KlaviyoEvent::uniqueId).toList();
        assertThat(placed).isNotEmpty().doesNotHaveDuplicates();
        Set<String> accounted = new HashSet<>(placed);
        accounted.addAll(refused(config, "orders"));
        assertThat(accounted).containsAll(netSuite("SELECT id FROM transaction WHERE type = 'SalesOrd'"));
    }

    /**
     * Starts the flow's run again and again, killing it at a random moment, until {@link #KILLS} runs died mid-run
     * (or a run finished: then the flow had no work left to interrupt); answers how many died mid-run.
     */
    private int killRepeatedly(Path config, String flow, Random random) throws Exception {
        int killed = 0;
        for (int attempt = 0; killed < KILLS && killed == attempt; attempt++) {
            int before = klaviyo.received().size();
            Process run = start(config, flow, flow + "-" + attempt + ".log");
            // The JVM's start takes seconds on a busy machine, and a run's work takes a fraction of one: the moment
            // is counted in the run's own requests to Klaviyo (the 1st to the 6th), then up to 300 ms more, so a kill
            // can land with a request unanswered, between a send and its write-back, or inside a NetSuite read, and
            // each killed run moves the flow on by a few batches at most.
            int requests = 1 + random.nextInt(6);
            long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (run.isAlive() && klaviyo.received().size() < before + requests && System.nanoTime() < giveUp) {
                Thread.sleep(1);
            }
            if (!run.waitFor(random.nextInt(300), TimeUnit.MILLISECONDS)) {
                run.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                killed++;
            }
        }
        return killed;
    }

    private void finish(Path config, String flow) throws Exception {
        Process last = start(config, flow, flow + "-final.log");
        assertThat(last.waitFor(5, TimeUnit.MINUTES)).as("the final %s run finishes", flow).isTrue();
        assertThat(last.exitValue()).as(Files.readString(folder.resolve(flow + "-final.log"))).isZero();
    }

    /** A run in its own JVM, its output kept in {@code log} for a failure's post-mortem. */
    private Process start(Path config, String flow, String log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
                flow, "--config", config.toString()).redirectErrorStream(true)
                .redirectOutput(folder.resolve(log).toFile()).start();
    }

    /** The records of the flow waiting in the error queue: refused by NetSuite's data, not lost. */
    private static Set<String> refused(Path config, String flow) throws Exception {
        Commands.Outcome errors = Commands.run("errors", flow, "--json", "-c", config.toString());
        assertThat(errors.code()).as(errors.all()).isZero();
        Set<String> keys = new HashSet<>();
        for (JsonNode error : JSON.readTree(errors.out())) {
            keys.add(error.path("record").asText());
        }
        return keys;
    }

    private List<String> netSuite(String suiteQl) throws Exception {
        return netSuite.account().query(suiteQl, List.of(), 0, 10_000_000).items().stream()
                .map(item -> item.values().iterator().next()).toList();
    }

    private Path config(String listId) throws Exception {
        return Files.writeString(folder.resolve("nsbridge.yaml"), "connections:\n" + SandboxConfig.netSuite(netSuite)
                + """
                  klaviyo:
                    type: klaviyo
                    api_key: "%s"
                    base_url: "%s"
                flows:
                  customers:
                    type: customers
                    source: netsuite
                    destination: klaviyo
                    settings:
                      list_id: "%s"
                      batch_size: 3
                  orders:
                    type: orders
                    source: netsuite
                    destination: klaviyo
                    settings:
                      batch_size: 5
                """.formatted(EncryptedValue.of("connections.klaviyo.api_key", klaviyo.privateApiKey()),
                klaviyo.baseUrl(), listId));
    }
}
