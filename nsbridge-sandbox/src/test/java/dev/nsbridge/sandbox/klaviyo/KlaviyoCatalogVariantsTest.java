package dev.nsbridge.sandbox.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Catalog variants through their bulk jobs, item deletion, and reading items and variants by id. */
final class KlaviyoCatalogVariantsTest {
    private KlaviyoSandbox sandbox;
    private KlaviyoTestClient client;

    @BeforeEach
    void start() {
        sandbox = KlaviyoSandbox.start(KlaviyoSandbox.Options.defaults());
        sandbox.knobs().jobSpeed(Duration.ZERO, 1_000);
        client = new KlaviyoTestClient(sandbox);
        for (String sku : List.of("SKU-1", "SKU-2")) {
            ObjectNode attributes = KlaviyoTestClient.object().put("external_id", sku).put("title", "Item " + sku)
                    .put("description", "A thing").put("url", "https://example.com/" + sku);
            client.post("/api/catalog-items", KlaviyoTestClient.resource("catalog-item", attributes));
        }
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static ObjectNode variant(String sku, String item, int stock) {
        ObjectNode attributes = KlaviyoTestClient.object().put("external_id", sku).put("title", "Variant " + sku)
                .put("description", "A size").put("sku", sku).put("inventory_quantity", stock).put("price", 12.5)
                .put("url", "https://example.com/" + sku);
        ObjectNode resource = (ObjectNode) KlaviyoTestClient.resource("catalog-variant", attributes).get("data");
        resource.putObject("relationships").putObject("item").putObject("data").put("type", "catalog-item")
                .put("id", Catalog.ID_PREFIX + item);
        return resource;
    }

    private JsonNode runJob(String type, String list, List<ObjectNode> resources) {
        ObjectNode body = KlaviyoTestClient.object();
        ArrayNode data = body.putObject("data").put("type", type).putObject("attributes").putObject(list)
                .putArray("data");
        resources.forEach(data::add);
        var accepted = client.post("/api/" + type + "s", body);
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        sandbox.clock().advance(Duration.ofSeconds(1));
        return client.get("/api/" + type + "s/" + accepted.body().at("/data/id").asText()).body();
    }

    private static String filter(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }

    @Test
    void shouldCreateVariantsAndPointAFailedOneToItsPlaceInTheJob() {
        JsonNode job = runJob("catalog-variant-bulk-create-job", "variants", List.of(variant("SKU-1-S", "SKU-1", 4),
                variant("SKU-9-S", "SKU-9", 1), variant("SKU-1-M", "SKU-1", 0)));

        assertThat(job.at("/data/attributes/completed_count").asInt()).isEqualTo(2);
        assertThat(job.at("/data/attributes/failed_count").asInt()).isEqualTo(1);
        assertThat(job.at("/data/attributes/errors/0/source/pointer").asText())
                .startsWith("/data/attributes/variants/data/1");
        assertThat(sandbox.catalogVariants()).extracting(KlaviyoCatalogVariant::sku)
                .containsExactly("SKU-1-S", "SKU-1-M");
        assertThat(sandbox.catalogVariants()).allSatisfy(v -> assertThat(v.itemId())
                .isEqualTo(Catalog.ID_PREFIX + "SKU-1"));
    }

    @Test
    void shouldUpdateAVariantsStockThroughABulkJob() {
        runJob("catalog-variant-bulk-create-job", "variants", List.of(variant("SKU-1-S", "SKU-1", 0)));
        ObjectNode update = (ObjectNode) KlaviyoTestClient.resource("catalog-variant",
                KlaviyoTestClient.object().put("inventory_quantity", 25)).get("data");
        update.put("id", Catalog.ID_PREFIX + "SKU-1-S");

        JsonNode job = runJob("catalog-variant-bulk-update-job", "variants", List.of(update));

        assertThat(job.at("/data/attributes/completed_count").asInt()).isEqualTo(1);
        assertThat(sandbox.catalogVariants().get(0).inventoryQuantity()).isEqualByComparingTo("25");
        assertThat(sandbox.catalogVariants().get(0).title()).isEqualTo("Variant SKU-1-S");
    }

    @Test
    void shouldDeleteAnItemWithItsVariantsAndFailAnUnknownOneAlone() {
        runJob("catalog-variant-bulk-create-job", "variants", List.of(variant("SKU-1-S", "SKU-1", 3),
                variant("SKU-2-S", "SKU-2", 3)));
        List<ObjectNode> ids = new ArrayList<>();
        for (String sku : List.of("SKU-9", "SKU-1")) {
            ids.add(KlaviyoTestClient.object().put("type", "catalog-item").put("id", Catalog.ID_PREFIX + sku));
        }

        JsonNode job = runJob("catalog-item-bulk-delete-job", "items", ids);

        assertThat(job.at("/data/attributes/failed_count").asInt()).isEqualTo(1);
        assertThat(job.at("/data/attributes/errors/0/source/pointer").asText())
                .startsWith("/data/attributes/items/data/0");
        assertThat(sandbox.catalogItems()).extracting(KlaviyoCatalogItem::externalId).containsExactly("SKU-2");
        assertThat(sandbox.catalogVariants()).extracting(KlaviyoCatalogVariant::sku).containsExactly("SKU-2-S");
    }

    @Test
    void shouldReadItemsAndVariantsByIdSoAClientCanTellWhichExist() {
        runJob("catalog-variant-bulk-create-job", "variants", List.of(variant("SKU-2-S", "SKU-2", 3)));

        var items = client.get("/api/catalog-items?filter=" + filter("any(ids,[\"" + Catalog.ID_PREFIX + "SKU-2\",\""
                + Catalog.ID_PREFIX + "SKU-7\"])"));
        var variants = client.get("/api/catalog-variants?filter=" + filter("any(ids,[\"" + Catalog.ID_PREFIX
                + "SKU-2-S\",\"" + Catalog.ID_PREFIX + "SKU-1-S\"])"));
        var byItem = client.get("/api/catalog-variants?filter=" + filter("equals(item.id,\"" + Catalog.ID_PREFIX
                + "SKU-1\")"));

        assertThat(items.body().get("data")).extracting(node -> node.get("id").asText())
                .containsExactly(Catalog.ID_PREFIX + "SKU-2");
        assertThat(variants.body().get("data")).extracting(node -> node.get("id").asText())
                .containsExactly(Catalog.ID_PREFIX + "SKU-2-S");
        assertThat(byItem.body().get("data")).isEmpty();
    }
}
