package dev.nsbridge.flows.items;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.flows.FlowPieces;
import dev.nsbridge.flows.testing.Sandboxes;
import dev.nsbridge.flows.testing.TestRun;
import dev.nsbridge.netsuite.suiteql.SuiteQlRow;
import dev.nsbridge.sandbox.klaviyo.KlaviyoCatalogItem;
import dev.nsbridge.sandbox.klaviyo.KlaviyoCatalogVariant;
import dev.nsbridge.sandbox.klaviyo.KlaviyoSandbox;
import dev.nsbridge.sandbox.klaviyo.ReceivedRequest;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The items flow keeps Klaviyo's catalog true to the local NetSuite: changes, stock on variants, items made
 * inactive. Every expected value is read back from the sandbox's NetSuite.
 */
final class CatalogFlowIT {
    private static final String PREFIX = "$custom:::$default:::";
    private static final String PLAIN_ACTIVE_WITH_STOCK = "SELECT id, itemid, displayname, baseprice FROM item"
            + " WHERE isinactive = 'F' AND matrixtype IS NULL AND totalquantityonhand IS NOT NULL"
            + " AND baseprice IS NOT NULL ORDER BY id";

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

    @Test
    void shouldUpdateTheCatalogItemWhenTitleAndPriceChangeInNetSuite() throws Exception {
        FlowPieces items = items(Map.of());
        TestRun run = new TestRun().run(items);
        String id = sandboxes.query(PLAIN_ACTIVE_WITH_STOCK).get(0).string("id");

        changeItem(id, "displayname = displayname || ' Reloaded', baseprice = baseprice + 10.25");
        run.run(items);

        SuiteQlRow now = sandboxes.query("SELECT displayname, baseprice FROM item WHERE id = ?", id).get(0);
        KlaviyoCatalogItem item = catalogItems().get(PREFIX + id);
        assertThat(now.string("displayname")).endsWith(" Reloaded");
        assertThat(item.title()).isEqualTo(now.string("displayname"));
        assertThat(item.price()).isEqualByComparingTo(now.decimal("baseprice"));
        assertThat(variants().get(PREFIX + id).price()).isEqualByComparingTo(now.decimal("baseprice"));
        assertThat(catalogItems()).hasSize(expectedItems());
        assertThat(run.errors()).isEmpty();
    }

    @Test
    void shouldSendMatrixItemsAsOneCatalogItemWithAVariantPerChildCarryingItsStock() throws Exception {
        new TestRun().run(items(Map.of()));

        List<SuiteQlRow> children = sandboxes.query("SELECT id, itemid, parent, baseprice, totalquantityonhand"
                + " FROM item WHERE matrixtype = 'CHILD' AND isinactive = 'F' ORDER BY id");
        Map<String, KlaviyoCatalogVariant> variants = variants();
        assertThat(children).isNotEmpty();
        assertThat(children).allSatisfy(child -> {
            KlaviyoCatalogVariant variant = variants.get(PREFIX + child.string("id"));
            assertThat(variant).as("variant of %s", child.string("itemid")).isNotNull();
            assertThat(variant.itemId()).isEqualTo(PREFIX + child.string("parent"));
            assertThat(variant.sku()).isEqualTo(child.string("itemid"));
            assertThat(variant.price()).isEqualByComparingTo(child.decimal("baseprice"));
            assertThat(variant.inventoryQuantity()).isEqualByComparingTo(child.decimal("totalquantityonhand"));
            assertThat(catalogItems()).doesNotContainKey(PREFIX + child.string("id"))
                    .containsKey(PREFIX + child.string("parent"));
        });
    }

    @Test
    void shouldBringASoldOutVariantBackInStockWhenNetSuiteReceivesStock() throws Exception {
        FlowPieces items = items(Map.of());
        TestRun run = new TestRun().run(items);
        String child = sandboxes.query("SELECT id FROM item WHERE matrixtype = 'CHILD' AND isinactive = 'F'"
                + " AND totalquantityonhand = 0 ORDER BY id").get(0).string("id");
        assertThat(variants().get(PREFIX + child).inventoryQuantity()).isZero();

        changeItem(child, "totalquantityonhand = 37");
        run.run(items);

        assertThat(variants().get(PREFIX + child).inventoryQuantity()).isEqualByComparingTo(sandboxes.query(
                "SELECT totalquantityonhand FROM item WHERE id = ?", child).get(0).decimal("totalquantityonhand"));
    }

    @Test
    void shouldUnpublishAnItemMadeInactiveInNetSuite() throws Exception {
        FlowPieces items = items(Map.of());
        TestRun run = new TestRun().run(items);
        String id = sandboxes.query(PLAIN_ACTIVE_WITH_STOCK).get(0).string("id");
        assertThat(catalogItems().get(PREFIX + id).published()).isTrue();

        changeItem(id, "isinactive = 'T'");
        run.run(items);

        assertThat(catalogItems().get(PREFIX + id).published()).isFalse();
        assertThat(variants().get(PREFIX + id).published()).isFalse();
        assertThat(catalogItems().values()).filteredOn(KlaviyoCatalogItem::published).hasSize(expectedItems());
    }

    @Test
    void shouldDeleteItemsAndVariantsMadeInactiveWhenSetToDelete() throws Exception {
        FlowPieces items = items(Map.of("inactive_items", "delete"));
        TestRun run = new TestRun().run(items);
        String plain = sandboxes.query(PLAIN_ACTIVE_WITH_STOCK).get(0).string("id");
        SuiteQlRow child = sandboxes.query("SELECT id, parent FROM item WHERE matrixtype = 'CHILD'"
                + " AND isinactive = 'F' ORDER BY id").get(0);
        assertThat(catalogItems()).containsKey(PREFIX + plain);

        changeItem(plain, "isinactive = 'T'");
        changeItem(child.string("id"), "isinactive = 'T'");
        run.run(items);

        assertThat(catalogItems()).doesNotContainKey(PREFIX + plain).containsKey(PREFIX + child.string("parent"));
        assertThat(variants()).doesNotContainKey(PREFIX + plain).doesNotContainKey(PREFIX + child.string("id"));
        assertThat(catalogItems()).hasSize(expectedItems());
        assertThat(run.errors()).isEmpty();
    }

    @Test
    void shouldChangeNothingInTheCatalogOnARerun() throws Exception {
        FlowPieces items = items(Map.of());
        TestRun run = new TestRun().run(items);
        Map<String, KlaviyoCatalogItem> before = catalogItems();
        Map<String, KlaviyoCatalogVariant> variantsBefore = variants();
        int requests = klaviyo.received().size();

        run.run(items);

        assertThat(before).hasSize(expectedItems());
        assertThat(catalogItems()).isEqualTo(before);
        assertThat(variants()).isEqualTo(variantsBefore);
        assertThat(klaviyo.received().subList(requests, klaviyo.received().size()))
                .extracting(ReceivedRequest::path).noneMatch(path -> path.contains("create-jobs"));
    }

    @Test
    void shouldFileAVariantKlaviyoRefusedUnderItsOwnNetSuiteItem() throws Exception {
        // The parents are left out, so Klaviyo's variant job refuses every child: there is no item to join.
        TestRun run = new TestRun().run(items(Map.of("filter", "i.matrixtype = 'CHILD' AND i.isinactive = 'F'")));

        List<String> children = sandboxes.query("SELECT id FROM item WHERE matrixtype = 'CHILD'"
                + " AND isinactive = 'F'").stream().map(row -> row.string("id")).toList();
        assertThat(children).isNotEmpty();
        assertThat(run.errors()).extracting(error -> error.recordKey())
                .containsExactlyInAnyOrderElementsOf(children);
        assertThat(run.errors()).allSatisfy(error -> assertThat(error.code()).startsWith("KLAVIYO_CATALOG_"));
        assertThat(variants()).isEmpty();
    }

    private FlowPieces items(Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>(Map.of("url_template", "https://shop.example.com/p/{sku}"));
        settings.putAll(extra);
        return sandboxes.flow("items", settings);
    }

    /** Active items that are not matrix children: each is one catalog item. */
    private int expectedItems() {
        return sandboxes.query("SELECT COUNT(*) AS n FROM item WHERE isinactive = 'F'"
                + " AND (matrixtype IS NULL OR matrixtype <> 'CHILD')").get(0).integer("n").intValue();
    }

    /** Changes an item the way a NetSuite user would: the change stamps the record's last-modified time. */
    private void changeItem(String id, String assignments) {
        NetSuiteSandbox netSuite = sandboxes.netSuiteSandbox();
        String now = LocalDateTime.ofInstant(netSuite.clock().instant().plusSeconds(1),
                NetSuiteSandbox.Options.defaults().timeZone()).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        netSuite.account().executeAdmin("UPDATE item SET " + assignments + ", lastmodifieddate = TIMESTAMP '" + now
                + "' WHERE id = " + Long.parseLong(id));
    }

    private Map<String, KlaviyoCatalogItem> catalogItems() {
        return klaviyo.catalogItems().stream().collect(Collectors.toMap(KlaviyoCatalogItem::id,
                Function.identity()));
    }

    private Map<String, KlaviyoCatalogVariant> variants() {
        return klaviyo.catalogVariants().stream().collect(Collectors.toMap(KlaviyoCatalogVariant::id,
                Function.identity()));
    }
}
