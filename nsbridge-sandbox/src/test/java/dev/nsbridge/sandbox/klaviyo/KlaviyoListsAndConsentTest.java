package dev.nsbridge.sandbox.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class KlaviyoListsAndConsentTest {
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

    private String createList(String name) {
        var reply = client.post("/api/lists",
                KlaviyoTestClient.resource("list", KlaviyoTestClient.object().put("name", name)));
        assertThat(reply.status()).isEqualTo(201);
        return reply.body().at("/data/id").asText();
    }

    private String createProfile(String email) {
        return client.post("/api/profile-import", KlaviyoTestClient.resource("profile",
                KlaviyoTestClient.object().put("email", email))).body().at("/data/id").asText();
    }

    private static JsonNode subscribe(String email, String listId, boolean historical, String consentedAt) {
        ObjectNode body = KlaviyoTestClient.object();
        ObjectNode data = body.putObject("data").put("type", "profile-subscription-bulk-create-job");
        ObjectNode attributes = data.putObject("attributes");
        attributes.put("historical_import", historical);
        ObjectNode marketing = attributes.putObject("profiles").putArray("data").addObject().put("type", "profile")
                .putObject("attributes").put("email", email).putObject("subscriptions").putObject("email")
                .putObject("marketing").put("consent", "SUBSCRIBED");
        if (consentedAt != null) {
            marketing.put("consented_at", consentedAt);
        }
        data.putObject("relationships").putObject("list").putObject("data").put("type", "list").put("id", listId);
        return body;
    }

    @Test
    void shouldAddProfilesToAListWithoutConsent() {
        String listId = createList("Customers");
        String profileId = createProfile("ada@example.com");
        ObjectNode body = KlaviyoTestClient.object();
        body.putArray("data").addObject().put("type", "profile").put("id", profileId);

        var reply = client.post("/api/lists/" + listId + "/relationships/profiles", body);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(sandbox.lists()).singleElement().satisfies(list -> {
            assertThat(list.name()).isEqualTo("Customers");
            assertThat(list.profileIds()).containsExactly(profileId);
        });
        assertThat(sandbox.subscriptions()).isEmpty();
        assertThat(client.get("/api/lists").body().at("/data/0/id").asText()).isEqualTo(listId);
    }

    @Test
    void shouldLiftOptOutSuppressionsWhenSubscribing() {
        String listId = createList("Newsletter");
        Instant unsubscribedAt = Instant.parse("2026-01-10T08:00:00Z");
        String profileId = sandbox.suppress("ada@example.com", SuppressionReason.UNSUBSCRIBE, unsubscribedAt);
        sandbox.suppress("ada@example.com", SuppressionReason.HARD_BOUNCE, unsubscribedAt.plusSeconds(60));

        var reply = client.post("/api/profile-subscription-bulk-create-jobs",
                subscribe("ada@example.com", listId, true, "2025-06-01T00:00:00Z"));
        sandbox.clock().advance(Duration.ofSeconds(1));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(sandbox.suppressions()).extracting(KlaviyoSuppression::reason)
                .containsExactly(SuppressionReason.HARD_BOUNCE);
        assertThat(sandbox.subscriptions()).singleElement().satisfies(subscription -> {
            assertThat(subscription.profileId()).isEqualTo(profileId);
            assertThat(subscription.historicalImport()).isTrue();
            assertThat(subscription.consentedAt()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
        });
        assertThat(sandbox.lists().get(0).profileIds()).containsExactly(profileId);
    }

    @Test
    void shouldRefuseAHistoricalImportWithoutConsentedAt() {
        String listId = createList("Newsletter");

        var reply = client.post("/api/profile-subscription-bulk-create-jobs",
                subscribe("ada@example.com", listId, true, null));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().at("/errors/0/source/pointer").asText()).endsWith("/consented_at");
    }

    @Test
    void shouldPageThroughSuppressionsSinceAWatermark() {
        Instant base = Instant.parse("2026-02-01T00:00:00Z");
        sandbox.suppress("old@example.com", SuppressionReason.UNSUBSCRIBE, base.minusSeconds(3_600));
        for (int i = 0; i < 5; i++) {
            sandbox.suppress("p" + i + "@example.com", SuppressionReason.UNSUBSCRIBE, base.plusSeconds(60L * (5 - i)));
        }
        String next = "/api/profiles?filter="
                + encode("greater-than(subscriptions.email.marketing.suppression.timestamp,2026-02-01T00:00:00Z)")
                + "&sort=subscriptions.email.marketing.suppression.timestamp&page%5Bsize%5D=2"
                + "&additional-fields%5Bprofile%5D=subscriptions";
        List<String> emails = new ArrayList<>();
        int pages = 0;
        while (next != null && pages++ < 10) {
            var page = client.get(next);
            assertThat(page.status()).isEqualTo(200);
            page.body().get("data").forEach(profile -> emails.add(profile.at("/attributes/email").asText()));
            JsonNode link = page.body().at("/links/next");
            next = link.isMissingNode() ? null : pathAndQuery(link.asText());
        }

        assertThat(pages).isEqualTo(3);
        assertThat(emails).containsExactly("p4@example.com", "p3@example.com", "p2@example.com", "p1@example.com",
                "p0@example.com");
    }

    @Test
    void shouldFindAProfileByEmail() {
        createProfile("ada@example.com");
        createProfile("grace@example.com");

        var reply = client.get("/api/profiles?filter=" + encode("equals(email,\"grace@example.com\")"));

        assertThat(reply.body().get("data")).hasSize(1);
        assertThat(reply.body().at("/data/0/attributes/email").asText()).isEqualTo("grace@example.com");
    }

    @Test
    void shouldRefuseAPageLargerThanOneHundred() {
        assertThat(client.get("/api/profiles?page%5Bsize%5D=101").status()).isEqualTo(400);
    }

    @Test
    void shouldCreateCatalogItemsThroughAJob() {
        ObjectNode body = KlaviyoTestClient.object();
        var items = body.putObject("data").put("type", "catalog-item-bulk-create-job").putObject("attributes")
                .putObject("items").putArray("data");
        for (String sku : List.of("SKU-1", "SKU-1", "SKU-2")) {
            items.addObject().put("type", "catalog-item").putObject("attributes").put("external_id", sku)
                    .put("title", "Item " + sku).put("description", "A thing").put("url", "https://example.com/" + sku)
                    .put("price", 9.5).putObject("custom_metadata").put("color", "blue");
        }

        var accepted = client.post("/api/catalog-item-bulk-create-jobs", body);
        sandbox.clock().advance(Duration.ofSeconds(1));
        var job = client.get("/api/catalog-item-bulk-create-jobs/" + accepted.body().at("/data/id").asText());

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(job.body().at("/data/attributes/status").asText()).isEqualTo("complete");
        assertThat(job.body().at("/data/attributes/completed_count").asInt()).isEqualTo(2);
        assertThat(job.body().at("/data/attributes/failed_count").asInt()).isEqualTo(1);
        assertThat(sandbox.catalogItems()).extracting(KlaviyoCatalogItem::id)
                .containsExactly("$custom:::$default:::SKU-1", "$custom:::$default:::SKU-2");
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String pathAndQuery(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
