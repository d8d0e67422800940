package dev.nsbridge.flows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.flows.delivery.Delivery;
import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.flows.delivery.FlowDestination;
import dev.nsbridge.flows.read.FlowSource;
import dev.nsbridge.flows.testing.Sandboxes;
import dev.nsbridge.flows.testing.TestRun;
import dev.nsbridge.sandbox.klaviyo.KlaviyoProfile;
import dev.nsbridge.spi.config.ConfigValues;
import dev.nsbridge.spi.state.Ledger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flow's two halves run apart, as the Kafka Connect connectors run them: the source half reads NetSuite alone and
 * the delivery half, given no NetSuite connection, sends to Klaviyo alone and leaves NetSuite untouched.
 */
final class FlowHalvesIT {
    @TempDir
    Path state;
    private Sandboxes sandboxes;

    @BeforeEach
    void start() {
        sandboxes = Sandboxes.start(state);
    }

    @AfterEach
    void stop() {
        try {
            assertThat(sandboxes.offSpecKlaviyoRequests()).isEmpty();
        } finally {
            sandboxes.close();
        }
    }

    @Test
    void shouldDeliverTheCustomersFlowWithoutANetSuiteConnectionAndWriteNothingBack() throws Exception {
        ConfigValues settings = FlowType.CUSTOMERS.settings().parse(Map.of("list_id", sandboxes.listId(),
                "batch_size", 50)).orThrow();
        Set<String> storedIds = profileIdsInNetSuite();
        // The source half is configured with its own keys alone: no Klaviyo list.
        FlowSource source = Flows.source(FlowType.CUSTOMERS, Flows.sourceSettings(FlowType.CUSTOMERS)
                .parse(Map.of("batch_size", 50)).orThrow(), sandboxes.netSuite());
        Delivery delivery = Flows.delivery(FlowType.CUSTOMERS, new DeliveryContext(sandboxes.klaviyo(), settings,
                Instant.now(), Clock.systemUTC(), DryRunRecorder.DISCARD, Ledger.inMemory(), Optional.empty()));
        FlowPieces apart = new FlowPieces("customers-apart", source, source.stream(), Optional.empty(),
                new FlowDestination(delivery, errors -> List.of()), "klaviyo:profiles");

        TestRun run = new TestRun().run(apart);

        Set<String> customers = sandboxes.query("SELECT id FROM customer").stream().map(r -> r.string("id"))
                .collect(Collectors.toSet());
        Set<String> profiles = sandboxes.klaviyoSandbox().profiles().stream().map(KlaviyoProfile::externalId)
                .collect(Collectors.toSet());
        assertThat(run.written()).isPositive();
        assertThat(profiles).isNotEmpty();
        assertThat(customers).containsAll(profiles);
        assertThat(profileIdsInNetSuite()).as("no profile id written back").isEqualTo(storedIds);
    }

    private Set<String> profileIdsInNetSuite() {
        return sandboxes.query("SELECT id, custentity_klaviyo_profile_id AS profile_id FROM customer WHERE"
                + " custentity_klaviyo_profile_id IS NOT NULL").stream()
                .map(r -> r.string("id") + "=" + r.string("profile_id")).collect(Collectors.toSet());
    }
}
