package dev.nsbridge.sandbox.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/events}: filters, sorting, paging, includes and sparse fieldsets. */
final class KlaviyoEventQueryTest {
    private KlaviyoSandbox sandbox;
    private KlaviyoTestClient client;

    @BeforeEach
    void start() {
        sandbox = KlaviyoSandbox.start(KlaviyoSandbox.Options.defaults());
        client = new KlaviyoTestClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private void send(String email, String metric, String time, String uniqueId, double value) {
        ObjectNode attributes = KlaviyoTestClient.object();
        attributes.putObject("properties").put("OrderId", uniqueId);
        attributes.put("time", time).put("value", value).put("value_currency", "USD").put("unique_id", uniqueId);
        attributes.putObject("metric").putObject("data").put("type", "metric").putObject("attributes")
                .put("name", metric);
        attributes.putObject("profile").putObject("data").put("type", "profile").putObject("attributes")
                .put("email", email);
        assertThat(client.post("/api/events", KlaviyoTestClient.resource("event", attributes)).status())
                .isEqualTo(202);
    }

    private void sendFour() {
        send("ada@example.com", "Placed Order", "2026-01-05T10:00:00+00:00", "SO-1", 10);
        send("ada@example.com", "Fulfilled Order", "2026-01-06T10:00:00+00:00", "SO-1", 10);
        send("grace@example.com", "Placed Order", "2026-01-07T10:00:00+00:00", "SO-2", 20);
        send("grace@example.com", "Placed Order", "2026-01-08T10:00:00+00:00", "SO-3", 30);
    }

    @Test
    void shouldListEventsOldestFirstWithTheirProfileAndMetric() {
        sendFour();

        var reply = client.get("/api/events");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("data")).hasSize(4);
        JsonNode first = reply.body().at("/data/0");
        assertThat(first.at("/attributes/datetime").asText()).isEqualTo("2026-01-05T10:00:00+00:00");
        assertThat(first.at("/attributes/timestamp").asLong())
                .isEqualTo(java.time.Instant.parse("2026-01-05T10:00:00Z").getEpochSecond());
        assertThat(first.at("/attributes/event_properties/OrderId").asText()).isEqualTo("SO-1");
        assertThat(first.at("/attributes/event_properties/$value").asDouble()).isEqualTo(10.0);
        assertThat(first.at("/attributes/uuid").asText()).hasSize(36);
        String ada = sandbox.profiles().stream().filter(p -> p.email().equals("ada@example.com")).findFirst()
                .orElseThrow().id();
        assertThat(first.at("/relationships/profile/data/id").asText()).isEqualTo(ada);
        assertThat(first.at("/relationships/metric/data/type").asText()).isEqualTo("metric");
    }

    @Test
    void shouldFilterOnMetricProfileAndTime() {
        sendFour();
        String placed = client.get("/api/events").body().at("/data/0/relationships/metric/data/id").asText();
        String grace = sandbox.profiles().stream().filter(p -> p.email().equals("grace@example.com")).findFirst()
                .orElseThrow().id();

        var byMetric = client.get("/api/events?filter=" + encode("equals(metric_id,\"" + placed + "\")"));
        var byProfileAndTime = client.get("/api/events?filter=" + encode("equals(profile_id,\"" + grace
                + "\"),greater-than(datetime,2026-01-07T12:00:00Z)"));

        assertThat(uniqueIds(byMetric.body())).containsExactly("SO-1", "SO-2", "SO-3");
        assertThat(uniqueIds(byProfileAndTime.body())).containsExactly("SO-3");
    }

    @Test
    void shouldRefuseAFilterFieldTheSpecDoesNotAllowForEvents() {
        var reply = client.get("/api/events?filter=" + encode("equals(email,\"ada@example.com\")"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().at("/errors/0/source/parameter").asText()).isEqualTo("filter");
    }

    @Test
    void shouldSortNewestFirstAndPageThroughTheNextLinks() {
        sendFour();
        List<String> seen = new ArrayList<>();
        String next = "/api/events?sort=-datetime&page%5Bsize%5D=3";
        int pages = 0;
        while (next != null && pages++ < 5) {
            var page = client.get(next);
            assertThat(page.status()).isEqualTo(200);
            seen.addAll(uniqueIds(page.body()));
            JsonNode link = page.body().at("/links/next");
            next = link.isMissingNode() ? null : pathAndQuery(link.asText());
        }

        assertThat(pages).isEqualTo(2);
        assertThat(seen).containsExactly("SO-3", "SO-2", "SO-1", "SO-1");
    }

    @Test
    void shouldIncludeMetricsAndProfilesTrimmedBySparseFieldsets() {
        sendFour();

        var reply = client.get("/api/events?include=metric,profile&fields%5Bevent%5D=datetime"
                + "&fields%5Bmetric%5D=name&fields%5Bprofile%5D=email");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(KlaviyoProfileOperationsTest.fieldNames(reply.body().at("/data/0/attributes")))
                .containsExactly("datetime");
        List<String> metricNames = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        reply.body().get("included").forEach(resource -> {
            if (resource.get("type").asText().equals("metric")) {
                metricNames.add(resource.at("/attributes/name").asText());
                assertThat(KlaviyoProfileOperationsTest.fieldNames(resource.get("attributes"))).containsExactly("name");
            } else {
                emails.add(resource.at("/attributes/email").asText());
                assertThat(KlaviyoProfileOperationsTest.fieldNames(resource.get("attributes")))
                        .containsExactly("email");
            }
        });
        assertThat(metricNames).containsExactlyInAnyOrder("Placed Order", "Fulfilled Order");
        assertThat(emails).containsExactlyInAnyOrder("ada@example.com", "grace@example.com");
    }

    @Test
    void shouldRefuseAPageLargerThanOneThousand() {
        assertThat(client.get("/api/events?page%5Bsize%5D=1001").status()).isEqualTo(400);
    }

    @Test
    void shouldShowTheLatestEventDateOnTheProfile() {
        sendFour();

        var reply = client.get("/api/profiles?filter=" + encode("equals(email,\"grace@example.com\")"));

        assertThat(reply.body().at("/data/0/attributes/last_event_date").asText())
                .isEqualTo("2026-01-08T10:00:00+00:00");
    }

    private static List<String> uniqueIds(JsonNode document) {
        List<String> ids = new ArrayList<>();
        document.get("data").forEach(event -> ids.add(event.at("/attributes/event_properties/$event_id").asText()));
        return ids;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String pathAndQuery(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
