package dev.nsbridge.flows.items;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.klaviyo.catalog.CatalogVariant;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** NetSuite item rows, plain and matrix, as catalog items and variants. */
final class CatalogMappingTest {
    private final CatalogMapping mapping = new CatalogMapping(new ItemFlowSettings("https://shop.example.com/p/{sku}",
            "https://cdn.example.com/{sku}.jpg", Map.of("custitem_brand", "brand"), InactiveItems.UNPUBLISH));

    private static Map<String, Object> row(String id, String sku, String matrixType, String parent, String price,
                                           String stock, String inactive) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("itemid", sku);
        row.put("displayname", "Merino Sweater");
        row.put("custitem_brand", "Nordlicht");
        row.put("matrixtype", matrixType);
        row.put("parent", parent);
        row.put("baseprice", price == null ? null : new BigDecimal(price));
        row.put("totalquantityonhand", stock == null ? null : new BigDecimal(stock));
        row.put("isinactive", inactive);
        return row;
    }

    @Test
    void shouldMakeAMatrixChildAVariantOfItsParentWithItsOwnSkuPriceAndStock() {
        CatalogEntry entry = mapping.entry(row("31", "SKU-M100-XL", "CHILD", "27", "54.75", "0", "F"));

        CatalogVariant variant = entry.variant().orElseThrow();
        assertThat(entry.item()).isEmpty();
        assertThat(variant.itemExternalId()).isEqualTo("27");
        assertThat(variant.sku()).isEqualTo("SKU-M100-XL");
        assertThat(variant.price()).isEqualByComparingTo("54.75");
        assertThat(variant.inventoryQuantity()).isZero();
        assertThat(variant.url()).isEqualTo("https://shop.example.com/p/SKU-M100-XL");
        assertThat(variant.published()).isTrue();
    }

    @Test
    void shouldMakeAMatrixParentACatalogItemWithoutAVariantOfItsOwn() {
        CatalogEntry entry = mapping.entry(row("27", "SKU-M100", "PARENT", null, "49.75", null, "F"));

        assertThat(entry.item().orElseThrow().externalId()).isEqualTo("27");
        assertThat(entry.item().orElseThrow().customMetadata()).containsEntry("brand", "Nordlicht");
        assertThat(entry.variant()).isEmpty();
    }

    @Test
    void shouldGiveAPlainItemWithStockOneVariantOfTheSameIdToCarryIt() {
        CatalogEntry entry = mapping.entry(row("5", "SKU-10005", null, null, "12.50", "40", "F"));

        assertThat(entry.item().orElseThrow().imageFullUrl()).isEqualTo("https://cdn.example.com/SKU-10005.jpg");
        assertThat(entry.variant().orElseThrow().externalId()).isEqualTo("5");
        assertThat(entry.variant().orElseThrow().itemExternalId()).isEqualTo("5");
        assertThat(entry.variant().orElseThrow().inventoryQuantity()).isEqualByComparingTo("40");
    }

    @Test
    void shouldMarkAnInactiveItemAndItsVariantUnpublished() {
        CatalogEntry entry = mapping.entry(row("5", "SKU-10005", null, null, "12.50", "40", "T"));

        assertThat(entry.inactive()).isTrue();
        assertThat(entry.item().orElseThrow().published()).isFalse();
        assertThat(entry.variant().orElseThrow().published()).isFalse();
    }

    @Test
    void shouldRefuseAMatrixChildWithoutAPriceInsteadOfSendingAVariantKlaviyoWouldRefuse() {
        CatalogEntry entry = mapping.entry(row("31", "SKU-M100-XL", "CHILD", "27", null, "3", "F"));

        assertThat(entry.refusal()).hasValueSatisfying(reason -> assertThat(reason).contains("price"));
    }
}
