package dev.nsbridge.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.flows.delivery.Json;
import dev.nsbridge.flows.testing.Sandboxes;
import dev.nsbridge.flows.testing.TestRun;
import dev.nsbridge.sandbox.klaviyo.KlaviyoSandbox;
import dev.nsbridge.sandbox.klaviyo.KlaviyoSubscription;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
            assertThat(sandboxes.offSpecKlaviyoRequests()).isEmpty();
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

    @Test
    void shouldNotSendAConsentAgainThatKlaviyoTookButHadNotAppliedWhenTheRunDied() throws Exception {
        // Klaviyo answers 202 and runs a subscribe job later: a process restarted meanwhile finds no consent there.
        klaviyo.knobs().jobSpeed("profile-subscription-bulk-create-job", Duration.ofHours(1), 1_000);
        Instant liveSince = Instant.now();
        TestRun run = new TestRun().runKilledAfter(
                sandboxes.flow("customers", customers(), DryRunRecorder.DISCARD, liveSince), 2);
        Map<String, Long> beforeTheCrash = consentsOnTheWire();

        run.run(sandboxes.flow("customers", customers(), DryRunRecorder.DISCARD, liveSince));

        assertThat(klaviyo.subscriptions()).as("applied so far").isEmpty();
        assertThat(beforeTheCrash).isNotEmpty();
        assertThat(consentsOnTheWire()).containsAllEntriesOf(beforeTheCrash)
                .allSatisfy((consent, times) -> assertThat(times).as(consent).isOne());
        assertThat(subscribeJobs()).allSatisfy(job -> assertThat(job.at("/data/attributes/historical_import")
                .asBoolean()).as("historical_import").isTrue());
    }

    @Test
    void shouldNeverResubscribeAProfileThatUnsubscribedInKlaviyoWhenItsCustomerIsEditedInNetSuite() throws Exception {
        Instant liveSince = Instant.now().minusSeconds(3600);
        new TestRun().run(sandboxes.flow("customers", customers(), DryRunRecorder.DISCARD, liveSince));
        KlaviyoSubscription subscribed = klaviyo.subscriptions().stream()
                .filter(s -> s.channel().equals("email")).findFirst().orElseThrow();
        String email = klaviyo.profiles().stream().filter(p -> p.id().equals(subscribed.profileId())).findFirst()
                .orElseThrow().email();
        sandboxes.unsubscribeThroughKlaviyosApi(email);
        String customerId = sandboxes.query("SELECT id FROM customer WHERE LOWER(email) = ?", email).get(0)
                .string("id");
        // Someone edits the customer in NetSuite: its consent there still says opted in.
        String now = LocalDateTime.ofInstant(sandboxes.netSuiteSandbox().clock().instant().plusSeconds(1),
                NetSuiteSandbox.Options.defaults().timeZone()).truncatedTo(ChronoUnit.SECONDS).toString()
                .replace('T', ' ');
        sandboxes.netSuiteSandbox().account().executeAdmin("UPDATE customer SET phone = NULL, lastmodifieddate ="
                + " TIMESTAMP '" + now + "' WHERE id = " + customerId);
        long sentBefore = consentsOnTheWire().getOrDefault(email + " email", 0L);

        long importedBefore = importsOf(email);

        new TestRun().run(sandboxes.flow("customers", customers(), DryRunRecorder.DISCARD, liveSince));

        assertThat(importsOf(email)).as("profile imports of the edited customer").isEqualTo(importedBefore + 1);
        assertThat(sentBefore).isOne();
        assertThat(consentsOnTheWire()).containsEntry(email + " email", 1L);
    }

    private long importsOf(String email) {
        return klaviyo.received().stream().filter(r -> r.method().equals("POST")
                && r.path().equals("/api/profile-bulk-import-jobs") && r.body().contains("\"" + email + "\"")).count();
    }

    /** Each consent Klaviyo received in a subscribe request, by email or phone and channel, and how often. */
    private Map<String, Long> consentsOnTheWire() {
        Map<String, Long> times = new TreeMap<>();
        for (JsonNode job : subscribeJobs()) {
            for (JsonNode profile : job.at("/data/attributes/profiles/data")) {
                JsonNode attributes = profile.path("attributes");
                if (attributes.at("/subscriptions/email").isObject()) {
                    times.merge(attributes.path("email").asText() + " email", 1L, Long::sum);
                }
                if (attributes.at("/subscriptions/sms").isObject()) {
                    times.merge(attributes.path("phone_number").asText() + " sms", 1L, Long::sum);
                }
            }
        }
        return times;
    }

    private List<JsonNode> subscribeJobs() {
        return klaviyo.received().stream().filter(r -> r.method().equals("POST")
                        && r.path().equals("/api/profile-subscription-bulk-create-jobs") && r.status() == 202)
                .map(r -> Json.tree(r.body())).toList();
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
