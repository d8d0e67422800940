package dev.nsbridge.sandbox.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class KlaviyoEventsTest {
    private KlaviyoSandbox sandbox;
    private KlaviyoTestClient client;

    @BeforeEach
    void start() {
        sandbox = KlaviyoSandbox.start(KlaviyoSandbox.Options.defaults());
        sandbox.knobs().jobSpeed(Duration.ZERO, 1_000);
        client = new KlaviyoTestClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** An event's attributes as the spec shapes them: properties, metric and time, with optional extras. */
    private static ObjectNode eventAttributes(String metric, String time, String uniqueId, double value) {
        ObjectNode attributes = KlaviyoTestClient.object();
        attributes.putObject("properties").put("OrderId", uniqueId == null ? "none" : uniqueId);
        attributes.put("time", time);
        attributes.put("value", value);
        if (uniqueId != null) {
            attributes.put("unique_id", uniqueId);
        }
        attributes.putObject("metric").putObject("data").put("type", "metric").putObject("attributes")
                .put("name", metric);
        return attributes;
    }

    private static JsonNode singleEvent(String email, ObjectNode attributes) {
        attributes.putObject("profile").putObject("data").put("type", "profile").putObject("attributes")
                .put("email", email);
        return KlaviyoTestClient.resource("event", attributes);
    }

    private static ObjectNode bulk(String email, boolean backfill, ObjectNode... events) {
        ObjectNode body = KlaviyoTestClient.object();
        var group = body.putObject("data").put("type", "event-bulk-create-job").putObject("attributes")
                .putObject("events-bulk-create").putArray("data").addObject().put("type", "event-bulk-create")
                .putObject("attributes");
        group.put("backfill", backfill);
        group.putObject("profile").putObject("data").put("type", "profile").putObject("attributes")
                .put("email", email);
        var list = group.putObject("events").putArray("data");
        for (ObjectNode event : events) {
            list.addObject().put("type", "event").set("attributes", event);
        }
        return body;
    }

    @Test
    void shouldKeepTheFirstOfTwoSingleEventsWithOneUniqueId() {
        var first = client.post("/api/events", singleEvent("ada@example.com",
                eventAttributes("Placed Order", "2026-01-05T10:00:00Z", "SO-1", 10)));
        var repeat = client.post("/api/events", singleEvent("ada@example.com",
                eventAttributes("Placed Order", "2026-01-06T10:00:00Z", "SO-1", 99)));

        assertThat(first.status()).isEqualTo(202);
        assertThat(repeat.status()).isEqualTo(202);
        assertThat(sandbox.events()).singleElement().satisfies(event -> {
            assertThat(event.value()).isEqualByComparingTo("10");
            assertThat(event.uniqueId()).isEqualTo("SO-1");
        });
        assertThat(sandbox.profiles()).extracting(KlaviyoProfile::email).containsExactly("ada@example.com");
    }

    @Test
    void shouldRecordTheSameUniqueIdForAnotherMetric() {
        client.post("/api/events", singleEvent("ada@example.com",
                eventAttributes("Placed Order", "2026-01-05T10:00:00Z", "SO-1", 10)));
        client.post("/api/events", singleEvent("ada@example.com",
                eventAttributes("Fulfilled Order", "2026-01-06T10:00:00Z", "SO-1", 10)));

        assertThat(sandbox.events()).extracting(KlaviyoEvent::metricName)
                .containsExactly("Placed Order", "Fulfilled Order");
    }

    @Test
    void shouldCollapseEventsWithoutUniqueIdInTheSameSecond() {
        client.post("/api/events", singleEvent("ada@example.com",
                eventAttributes("Viewed Product", "2026-01-05T10:00:00.100Z", null, 1)));
        client.post("/api/events", singleEvent("ada@example.com",
                eventAttributes("Viewed Product", "2026-01-05T10:00:00.900Z", null, 2)));
        client.post("/api/events", singleEvent("ada@example.com",
                eventAttributes("Viewed Product", "2026-01-05T10:00:01Z", null, 3)));

        assertThat(sandbox.events()).extracting(event -> event.value().intValue()).containsExactly(1, 3);
    }

    @Test
    void shouldFailABulkRequestThatRepeatsAUniqueId() {
        var repeated = client.post("/api/event-bulk-create-jobs", bulk("ada@example.com", false,
                eventAttributes("Placed Order", "2026-01-05T10:00:00Z", "SO-1", 10),
                eventAttributes("Placed Order", "2026-01-05T11:00:00Z", "SO-1", 10)));

        assertThat(repeated.status()).isEqualTo(409);
        assertThat(repeated.body().at("/errors/0/source/pointer").asText()).endsWith("/unique_id");
        sandbox.clock().advance(Duration.ofSeconds(1));
        assertThat(sandbox.events()).isEmpty();
        assertThat(sandbox.jobs()).isEmpty();
    }

    @Test
    void shouldFailABulkRequestThatRepeatsARecordedEvent() {
        client.post("/api/events", singleEvent("ada@example.com",
                eventAttributes("Placed Order", "2026-01-05T10:00:00Z", "SO-1", 10)));

        var reply = client.post("/api/event-bulk-create-jobs", bulk("ada@example.com", false,
                eventAttributes("Placed Order", "2026-01-07T10:00:00Z", "SO-2", 20),
                eventAttributes("Placed Order", "2026-01-05T10:00:00Z", "SO-1", 10)));

        assertThat(reply.status()).isEqualTo(409);
        sandbox.clock().advance(Duration.ofSeconds(1));
        assertThat(sandbox.events()).extracting(KlaviyoEvent::uniqueId).containsExactly("SO-1");
    }

    @Test
    void shouldRecordABulkJobAsBackfill() {
        var reply = client.post("/api/event-bulk-create-jobs", bulk("ada@example.com", true,
                eventAttributes("Placed Order", "2025-03-01T10:00:00Z", "SO-1", 10),
                eventAttributes("Placed Order", "2025-03-02T10:00:00Z", "SO-2", 20)));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.text()).isEmpty();
        sandbox.clock().advance(Duration.ofSeconds(1));
        assertThat(sandbox.events()).hasSize(2).allSatisfy(event -> assertThat(event.backfill()).isTrue());
        assertThat(sandbox.jobs()).singleElement().satisfies(job -> {
            assertThat(job.type()).isEqualTo("event-bulk-create-job");
            assertThat(job.status()).isEqualTo("complete");
        });
    }

    @Test
    void shouldRefuseAnEventWithoutMetric() {
        ObjectNode attributes = eventAttributes("Placed Order", "2026-01-05T10:00:00Z", "SO-1", 10);
        attributes.remove("metric");

        var reply = client.post("/api/events", singleEvent("ada@example.com", attributes));

        assertThat(reply.status()).isEqualTo(400);
    }
}
