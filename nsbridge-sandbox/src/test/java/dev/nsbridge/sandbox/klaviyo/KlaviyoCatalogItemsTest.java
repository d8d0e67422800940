package dev.nsbridge.sandbox.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Catalog items one at a time ({@code POST}, {@code GET}, {@code PATCH}) and the bulk update job. */
final class KlaviyoCatalogItemsTest {
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

    private static ObjectNode item(String sku) {
        ObjectNode attributes = KlaviyoTestClient.object().put("external_id", sku).put("title", "Item " + sku)
                .put("description", "A thing").put("url", "https://example.com/" + sku).put("price", 9.5);
        attributes.putObject("custom_metadata").put("color", "blue");
        return (ObjectNode) KlaviyoTestClient.resource("catalog-item", attributes);
    }

    /** Item ids hold {@code $} and {@code :}, which a client escapes in a path as Klaviyo's SDKs do. */
    private static String path(String id) {
        return "/api/catalog-items/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {KlaviyoTestClient.JSON_API, KlaviyoTestClient.PLAIN_JSON})
    void shouldCreateAnItemAndReadItBack(String contentType) {
        var writer = new KlaviyoTestClient(sandbox, contentType);

        var created = writer.post("/api/catalog-items", item("SKU-1"));
        String id = created.body().at("/data/id").asText();
        var read = writer.get(path(id));

        assertThat(created.status()).isEqualTo(201);
        assertThat(id).isEqualTo("$custom:::$default:::SKU-1");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().at("/data/attributes/title").asText()).isEqualTo("Item SKU-1");
        assertThat(read.body().at("/data/attributes/custom_metadata/color").asText()).isEqualTo("blue");
        assertThat(read.body().at("/data/attributes/published").asBoolean()).isTrue();
        assertThat(sandbox.catalogItems()).extracting(KlaviyoCatalogItem::id).containsExactly(id);
    }

    @Test
    void shouldRefuseToCreateAnItemTwice() {
        client.post("/api/catalog-items", item("SKU-1"));

        var again = client.post("/api/catalog-items", item("SKU-1"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(sandbox.catalogItems()).hasSize(1);
    }

    @Test
    void shouldAnswer404ForAnUnknownItem() {
        assertThat(client.get(path("$custom:::$default:::NOPE")).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {KlaviyoTestClient.JSON_API, KlaviyoTestClient.PLAIN_JSON})
    void shouldUpdateAnItemKeepingWhatIsOmitted(String contentType) {
        var writer = new KlaviyoTestClient(sandbox, contentType);
        String id = writer.post("/api/catalog-items", item("SKU-1")).body().at("/data/id").asText();
        ObjectNode body = KlaviyoTestClient.object();
        body.putObject("data").put("type", "catalog-item").put("id", id).putObject("attributes")
                .put("title", "Renamed").put("price", 12).put("published", false);

        var reply = writer.patch(path(id), body);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().at("/data/attributes/title").asText()).isEqualTo("Renamed");
        assertThat(sandbox.catalogItems()).singleElement().satisfies(stored -> {
            assertThat(stored.title()).isEqualTo("Renamed");
            assertThat(stored.price()).isEqualByComparingTo("12");
            assertThat(stored.published()).isFalse();
            assertThat(stored.description()).isEqualTo("A thing");
            assertThat(stored.customMetadata()).containsEntry("color", "blue");
        });
    }

    @Test
    void shouldKeepOnlyTheCatalogFieldsASparseFieldsetNames() {
        String id = client.post("/api/catalog-items?fields%5Bcatalog-item%5D=title", item("SKU-1")).body()
                .at("/data/id").asText();

        var read = client.get(path(id) + "?fields%5Bcatalog-item%5D=title,price");

        assertThat(KlaviyoProfileOperationsTest.fieldNames(read.body().at("/data/attributes")))
                .containsExactlyInAnyOrder("title", "price");
    }

    @Test
    void shouldUpdateItemsThroughABulkJobFailingUnknownOnesAlone() {
        client.post("/api/catalog-items", item("SKU-1"));
        client.post("/api/catalog-items", item("SKU-2"));
        ObjectNode body = KlaviyoTestClient.object();
        ArrayNode items = body.putObject("data").put("type", "catalog-item-bulk-update-job").putObject("attributes")
                .putObject("items").putArray("data");
        for (String sku : new String[] {"SKU-1", "SKU-9", "SKU-2"}) {
            items.addObject().put("type", "catalog-item").put("id", Catalog.ID_PREFIX + sku)
                    .putObject("attributes").put("title", "New " + sku);
        }

        var accepted = client.post("/api/catalog-item-bulk-update-jobs", body);
        sandbox.clock().advance(Duration.ofSeconds(1));
        var job = client.get("/api/catalog-item-bulk-update-jobs/" + accepted.body().at("/data/id").asText()
                + "?include=items");

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(job.body().at("/data/attributes/status").asText()).isEqualTo("complete");
        assertThat(job.body().at("/data/attributes/completed_count").asInt()).isEqualTo(2);
        assertThat(job.body().at("/data/attributes/failed_count").asInt()).isEqualTo(1);
        assertThat(job.body().at("/data/attributes/errors/0/code").asText()).isEqualTo("not_found");
        assertThat(job.body().get("included")).hasSize(2);
        assertThat(sandbox.catalogItems()).extracting(KlaviyoCatalogItem::title)
                .containsExactly("New SKU-1", "New SKU-2");
    }
}
