package dev.nsbridge.flows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.flows.customers.Consents;
import dev.nsbridge.flows.customers.CustomerFlowSettings;
import dev.nsbridge.flows.customers.ProfileDelivery;
import dev.nsbridge.flows.customers.ProfileIds;
import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.flows.delivery.FlowDestination;
import dev.nsbridge.flows.testing.Sandboxes;
import dev.nsbridge.flows.testing.TestRun;
import dev.nsbridge.sandbox.klaviyo.KlaviyoProfile;
import dev.nsbridge.sandbox.klaviyo.KlaviyoSandbox;
import dev.nsbridge.sandbox.klaviyo.ReceivedRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The customers flow writes Klaviyo's profile ids back to NetSuite from lookups of up to 100 external ids a request,
 * against an account of about 500 customers: a request per profile would be about 500.
 */
final class ProfileIdWriteBackIT {
    /**
     * About 500 customers: enough that a request per profile and a request per hundred differ plainly. Some of them
     * hold a profile id from before, as accounts that used another integration do.
     */
    private static final double SCALE = 0.5;
    private static final String FIELD = "custentity_klaviyo_profile_id";

    @TempDir
    Path state;
    private Sandboxes sandboxes;
    private KlaviyoSandbox klaviyo;

    @BeforeEach
    void start() {
        sandboxes = Sandboxes.start(state, SCALE);
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

    private FlowPieces customers(boolean writeBack) {
        return sandboxes.flow("customers", Map.of("list_id", sandboxes.listId(), "batch_size", 1000,
                "write_back_profile_id", writeBack));
    }

    @Test
    void shouldLookUpAHundredProfileIdsARequestAndWriteBackKlaviyosOwn() throws Exception {
        Map<String, String> stored = writtenBack();

        new TestRun().run(customers(true));

        Map<String, String> written = without(writtenBack(), stored);
        assertThat(written).hasSizeGreaterThan(100).isEqualTo(without(klaviyoIdsByExternalId(), stored));
        assertThat(writtenBack()).as("an id already stored is never rewritten").containsAllEntriesOf(stored);
        // The sent customers' ids, then the sweep over those never sent (no usable email or phone).
        assertThat(idLookups(klaviyo.received())).hasSizeLessThanOrEqualTo(
                hundreds(written.size()) + hundreds(withoutId().size()));
        assertThat(klaviyo.received()).noneMatch(r -> "1".equals(first(r, "page[size]")));
    }

    @Test
    void shouldWriteNothingToNetSuiteOnARerun() throws Exception {
        TestRun run = new TestRun().run(customers(true));
        Map<String, String> customers = lastModified();

        // A new process, from the state the first one committed.
        run.run(customers(true));

        assertThat(writtenBack()).isNotEmpty();
        assertThat(lastModified()).isEqualTo(customers);
    }

    @Test
    void shouldWriteBackOnTheNextRunTheIdsACrashLeftUnwritten() throws Exception {
        // What a crash after the batches' commits leaves: every profile in Klaviyo, no id in NetSuite.
        Map<String, String> stored = writtenBack();
        TestRun run = new TestRun().run(customers(false));
        assertThat(writtenBack()).isEqualTo(stored);
        int missing = withoutId().size();
        int before = klaviyo.received().size();

        run.run(customers(true));

        assertThat(without(writtenBack(), stored)).hasSizeGreaterThan(100)
                .isEqualTo(without(klaviyoIdsByExternalId(), stored));
        assertThat(idLookups(klaviyo.received().subList(before, klaviyo.received().size())))
                .hasSizeLessThanOrEqualTo(hundreds(missing));
    }

    @Test
    void shouldNeverWaitForAFullQueueAndWriteWhatItLeftOutAtTheEndOfTheRun() throws Exception {
        Map<String, String> stored = writtenBack();
        FlowPieces flow = customers(true);
        CustomerFlowSettings settings = CustomerFlowSettings.from(FlowType.CUSTOMERS.settings()
                .parse(Map.of("list_id", sandboxes.listId(), "batch_size", 1000)).orThrow());
        // Room for one PATCH in the queue: nearly every id is left for the end of the run.
        Consents consents = new Consents(sandboxes.klaviyo(), settings.listId(), Instant.now(), Clock.systemUTC(),
                sandboxes.ledger(flow.name()));
        ProfileDelivery delivery = new ProfileDelivery(sandboxes.klaviyo(), settings, consents,
                new ProfileIds(sandboxes.klaviyo(), sandboxes.netSuite(), settings.profileIdField(), true, 1),
                DryRunRecorder.DISCARD);
        FlowPieces tightQueue = new FlowPieces(flow.name(), flow.source(), flow.stream(), flow.filter(),
                new FlowDestination(delivery, errors -> List.of()), flow.target());

        new TestRun().run(tightQueue);

        assertThat(without(writtenBack(), stored)).hasSizeGreaterThan(100)
                .isEqualTo(without(klaviyoIdsByExternalId(), stored));
    }

    /** The entries of {@code all} whose customer is not among {@code stored}. */
    private static Map<String, String> without(Map<String, String> all, Map<String, String> stored) {
        return all.entrySet().stream().filter(e -> !stored.containsKey(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static int hundreds(int count) {
        return (count + 99) / 100;
    }

    /** The reads of profiles by external id that carry no consent: the write-back's, not the consent check's. */
    private static List<ReceivedRequest> idLookups(List<ReceivedRequest> received) {
        return received.stream().filter(r -> r.method().equals("GET") && r.path().equals("/api/profiles"))
                .filter(r -> String.valueOf(first(r, "filter")).contains("external_id"))
                .filter(r -> r.query().keySet().stream().noneMatch(key -> key.startsWith("additional-fields")))
                .toList();
    }

    private static String first(ReceivedRequest request, String parameter) {
        List<String> values = request.query().get(parameter);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private Map<String, String> writtenBack() {
        return sandboxes.query("SELECT id, " + FIELD + " AS p FROM customer WHERE " + FIELD + " IS NOT NULL")
                .stream().collect(Collectors.toMap(r -> r.string("id"), r -> r.string("p")));
    }

    private List<String> withoutId() {
        return sandboxes.query("SELECT id FROM customer WHERE " + FIELD + " IS NULL AND isinactive = 'F'").stream()
                .map(r -> r.string("id")).toList();
    }

    private Map<String, String> klaviyoIdsByExternalId() {
        return klaviyo.profiles().stream().filter(p -> p.externalId() != null)
                .collect(Collectors.toMap(KlaviyoProfile::externalId, KlaviyoProfile::id));
    }

    private Map<String, String> lastModified() {
        return sandboxes.query("SELECT id, TO_CHAR(lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS m FROM customer")
                .stream().collect(Collectors.toMap(r -> r.string("id"), r -> r.string("m")));
    }
}
