package dev.nsbridge.flows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.flows.testing.Sandboxes;
import dev.nsbridge.flows.testing.TestRun;
import dev.nsbridge.sandbox.klaviyo.KlaviyoSandbox;
import dev.nsbridge.sandbox.klaviyo.KlaviyoSubscription;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A customers run that dies after its batch reached Klaviyo and the profile ids were written back to NetSuite, but
 * before the batch's state was committed. The write-back moves each customer's lastmodifieddate, so the next
 * process reads them again; what it knows must come from NetSuite and Klaviyo, not from the dead process's memory.
 */
final class ConsentCrashIT {
    @TempDir
    Path state;
    private Sandboxes sandboxes;
    private KlaviyoSandbox klaviyo;

    @BeforeEach
    void start() {
        sandboxes = Sandboxes.start(state);
        klaviyo = sandboxes.klaviyoSandbox();
    }

    @AfterEach
    void everyRequestKlaviyoReceivedShouldValidateAgainstItsSpec() {
        try {
            assertThat(klaviyo.received()).filteredOn(r -> !r.valid())
                    .extracting(r -> r.status() + " " + r.method() + " " + r.path()).isEmpty();
        } finally {
            sandboxes.close();
        }
    }

    private Map<String, Object> customers() {
        return Map.of("list_id", sandboxes.listId(), "batch_size", 20);
    }

    @Test
    void shouldNeverResubscribeAConsentFromBeforeGoLiveAsNewAfterALiveRunDies() throws Exception {
        Instant liveSince = Instant.now();
        TestRun run = new TestRun().runKilledAfter(
                sandboxes.flow("customers", customers(), DryRunRecorder.DISCARD, liveSince), 2);
        List<KlaviyoSubscription> beforeTheCrash = klaviyo.subscriptions();

        // A new process: nothing of the first one's memory survives, the same go-live time is on record.
        run.run(sandboxes.flow("customers", customers(), DryRunRecorder.DISCARD, liveSince));

        assertThat(beforeTheCrash).isNotEmpty();
        assertThat(writtenBack(beforeTheCrash)).isNotEmpty();
        assertThat(klaviyo.subscriptions()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.historicalImport()).as("historical_import of %s", s).isTrue();
            assertThat(s.consentedAt()).as("consented_at of %s", s).isBefore(liveSince);
        });
        assertThat(timesEachConsentWasSent()).allSatisfy((consent, times) -> assertThat(times).as(consent).isOne());
    }

    @Test
    void shouldNeverMoveConsentedAtWhenATestPhaseRunDies() throws Exception {
        // Before go-live every run treats all consent as history, dated by the source.
        Instant firstRun = Instant.now();
        TestRun run = new TestRun().runKilledAfter(sandboxes.flow("customers", customers()), 2);
        Map<String, Instant> consentedAt = consentedAt();

        run.run(sandboxes.flow("customers", customers()));

        assertThat(consentedAt).isNotEmpty();
        assertThat(consentedAt()).containsAllEntriesOf(consentedAt);
        assertThat(klaviyo.subscriptions()).allSatisfy(s -> assertThat(s.consentedAt()).isBefore(firstRun));
        assertThat(timesEachConsentWasSent()).allSatisfy((consent, times) -> assertThat(times).as(consent).isOne());
    }

    /** Customers of these subscriptions that now carry their Klaviyo profile id in NetSuite. */
    private List<String> writtenBack(List<KlaviyoSubscription> subscriptions) {
        List<String> ids = subscriptions.stream().map(KlaviyoSubscription::profileId).distinct().toList();
        return sandboxes.query("SELECT custentity_klaviyo_profile_id AS p FROM customer"
                + " WHERE custentity_klaviyo_profile_id IS NOT NULL").stream().map(r -> r.string("p"))
                .filter(ids::contains).toList();
    }

    /** The latest consent time Klaviyo recorded per profile and channel. */
    private Map<String, Instant> consentedAt() {
        return klaviyo.subscriptions().stream().collect(Collectors.toMap(s -> s.profileId() + " " + s.channel(),
                KlaviyoSubscription::consentedAt, (first, later) -> later));
    }

    private Map<String, Long> timesEachConsentWasSent() {
        return klaviyo.subscriptions().stream().collect(Collectors.groupingBy(s -> s.profileId() + " " + s.channel(),
                Collectors.counting()));
    }
}
