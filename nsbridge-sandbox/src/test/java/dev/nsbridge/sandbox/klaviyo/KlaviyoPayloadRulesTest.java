package dev.nsbridge.sandbox.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What Klaviyo refuses although the spec's schema lets it through: each rule is quoted where the sandbox keeps it
 * ({@code EventRules}, {@code Consents}, {@code Catalog}).
 */
final class KlaviyoPayloadRulesTest {
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

    private static ObjectNode eventAttributes() {
        ObjectNode attributes = KlaviyoTestClient.object();
        attributes.putObject("properties").put("OrderId", "SO-1");
        attributes.put("time", "2026-01-05T10:00:00+00:00").put("value", 10).put("unique_id", "SO-1");
        attributes.putObject("metric").putObject("data").put("type", "metric").putObject("attributes")
                .put("name", "Placed Order");
        return attributes;
    }

    private static ObjectNode singleEvent(ObjectNode attributes) {
        attributes.putObject("profile").putObject("data").put("type", "profile").putObject("attributes")
                .put("email", "ada@example.com");
        return (ObjectNode) KlaviyoTestClient.resource("event", attributes);
    }

    private static ObjectNode bulkEvent(ObjectNode profileAttributes, ObjectNode eventAttributes) {
        ObjectNode body = KlaviyoTestClient.object();
        ObjectNode group = body.putObject("data").put("type", "event-bulk-create-job").putObject("attributes")
                .putObject("events-bulk-create").putArray("data").addObject().put("type", "event-bulk-create")
                .putObject("attributes");
        group.putObject("profile").putObject("data").put("type", "profile").set("attributes", profileAttributes);
        group.putObject("events").putArray("data").addObject().put("type", "event")
                .set("attributes", eventAttributes);
        return body;
    }

    @Test
    void shouldRefuseAnEventStringPropertyOverOneHundredKilobytes() {
        ObjectNode attributes = eventAttributes();
        ((ObjectNode) attributes.get("properties")).put("Notes", "x".repeat(150 * 1024));

        var reply = client.post("/api/events", singleEvent(attributes));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().at("/errors/0/source/pointer").asText()).isEqualTo("/data/attributes/properties/Notes");
        assertThat(sandbox.events()).isEmpty();
    }

    @Test
    void shouldAcceptAnEventStringPropertyOfOneHundredKilobytes() {
        ObjectNode attributes = eventAttributes();
        ((ObjectNode) attributes.get("properties")).put("Notes", "x".repeat(EventRules.MAX_STRING_BYTES));

        assertThat(client.post("/api/events", singleEvent(attributes)).status()).isEqualTo(202);
    }

    @Test
    void shouldRefuseANestedStringOverOneHundredKilobytesInABulkEvent() {
        ObjectNode attributes = eventAttributes();
        ((ObjectNode) attributes.get("properties")).putArray("Items").addObject().put("Description",
                "é".repeat(60 * 1024));

        var reply = client.post("/api/event-bulk-create-jobs",
                bulkEvent(KlaviyoTestClient.object().put("email", "ada@example.com"), attributes));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().at("/errors/0/source/pointer").asText()).endsWith("/properties/Items/0/Description");
        assertThat(sandbox.jobs()).isEmpty();
    }

    @Test
    void shouldRefuseABulkEventWhoseProfileHasNoIdentifier() {
        var reply = client.post("/api/event-bulk-create-jobs",
                bulkEvent(KlaviyoTestClient.object().put("first_name", "Nobody"), eventAttributes()));
        sandbox.clock().advance(Duration.ofSeconds(1));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().at("/errors/0/source/pointer").asText())
                .isEqualTo("/data/attributes/events-bulk-create/data/0/attributes/profile/data");
        assertThat(sandbox.jobs()).isEmpty();
        assertThat(sandbox.events()).isEmpty();
    }

    @Test
    void shouldRefuseACurrencyThatIsNotAnIso4217Code() {
        ObjectNode attributes = eventAttributes().put("value_currency", "DOLLARS");

        var reply = client.post("/api/events", singleEvent(attributes));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().at("/errors/0/source/pointer").asText()).isEqualTo("/data/attributes/value_currency");
        assertThat(client.post("/api/events", singleEvent(eventAttributes().put("value_currency", "EUR"))).status())
                .isEqualTo(202);
    }

    @Test
    void shouldRefuseConsentedAtOutsideAHistoricalImport() {
        String listId = client.post("/api/lists", KlaviyoTestClient.resource("list",
                KlaviyoTestClient.object().put("name", "Newsletter"))).body().at("/data/id").asText();
        ObjectNode body = KlaviyoTestClient.object();
        ObjectNode data = body.putObject("data").put("type", "profile-subscription-bulk-create-job");
        data.putObject("attributes").putObject("profiles").putArray("data").addObject().put("type", "profile")
                .putObject("attributes").put("email", "ada@example.com").putObject("subscriptions")
                .putObject("email").putObject("marketing").put("consent", "SUBSCRIBED")
                .put("consented_at", "2025-06-01T00:00:00+00:00");
        data.putObject("relationships").putObject("list").putObject("data").put("type", "list").put("id", listId);

        var reply = client.post("/api/profile-subscription-bulk-create-jobs", body);
        sandbox.clock().advance(Duration.ofSeconds(1));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().at("/errors/0/source/pointer").asText()).endsWith("/consented_at");
        assertThat(sandbox.subscriptions()).isEmpty();
    }

    @Test
    void shouldRefuseNestedCustomMetadataOnACatalogItem() {
        ObjectNode attributes = KlaviyoTestClient.object().put("external_id", "SKU-1").put("title", "Item")
                .put("description", "A thing").put("url", "https://example.com/SKU-1");
        attributes.putObject("custom_metadata").put("color", "blue").putObject("dimensions").put("width", 3);
        ObjectNode bulk = KlaviyoTestClient.object();
        bulk.putObject("data").put("type", "catalog-item-bulk-create-job").putObject("attributes")
                .putObject("items").putArray("data").addObject().put("type", "catalog-item")
                .set("attributes", attributes);

        var single = client.post("/api/catalog-items", KlaviyoTestClient.resource("catalog-item", attributes));
        var job = client.post("/api/catalog-item-bulk-create-jobs", bulk);
        sandbox.clock().advance(Duration.ofSeconds(1));

        assertThat(single.status()).isEqualTo(400);
        assertThat(single.body().at("/errors/0/source/pointer").asText())
                .isEqualTo("/data/attributes/custom_metadata/dimensions");
        assertThat(job.status()).isEqualTo(400);
        assertThat(sandbox.catalogItems()).isEmpty();
    }
}
