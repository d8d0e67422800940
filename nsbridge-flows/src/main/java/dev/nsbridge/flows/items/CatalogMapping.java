package dev.nsbridge.flows.items;

import dev.nsbridge.klaviyo.catalog.CatalogItem;
import dev.nsbridge.klaviyo.catalog.CatalogVariant;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * NetSuite item rows as catalog entries. A matrix parent becomes a catalog item, each of its children a variant of
 * it (SKU, price, stock). A plain item with stock becomes a catalog item with one variant of the same external id:
 * Klaviyo keeps inventory on variants only, and back-in-stock watches variants.
 */
final class CatalogMapping {
    static final String CHILD = "CHILD";
    static final String PARENT = "PARENT";

    private final ItemFlowSettings settings;

    CatalogMapping(ItemFlowSettings settings) {
        this.settings = settings;
    }

    CatalogEntry entry(Map<String, Object> row) {
        String id = String.valueOf(row.get("id"));
        String sku = text(row, "itemid", id);
        String title = text(row, "displayname", sku);
        String description = text(row, "description", title);
        String url = fill(settings.urlTemplate(), id, sku);
        String image = settings.imageUrlTemplate() == null ? null : fill(settings.imageUrlTemplate(), id, sku);
        BigDecimal price = row.get("baseprice") instanceof BigDecimal value ? value : null;
        BigDecimal stock = row.get("totalquantityonhand") instanceof BigDecimal value ? value : null;
        boolean inactive = "T".equals(row.get("isinactive"));
        String matrixType = row.get("matrixtype") == null ? "" : row.get("matrixtype").toString();
        Optional<CatalogItem> item = matrixType.equals(CHILD) ? Optional.empty()
                : Optional.of(new CatalogItem(id, title, description, url, price, image, metadata(row), !inactive));
        String itemId = matrixType.equals(CHILD) ? text(row, "parent", "") : id;
        boolean wantsVariant = matrixType.equals(CHILD) || !matrixType.equals(PARENT) && stock != null;
        if (!wantsVariant) {
            return new CatalogEntry(id, item, Optional.empty(), inactive, Optional.empty());
        }
        if (itemId.isEmpty() || price == null && matrixType.equals(CHILD)) {
            return new CatalogEntry(id, item, Optional.empty(), inactive, Optional.of(itemId.isEmpty()
                    ? "the matrix child names no parent item" : "the matrix child has no base price, which a"
                    + " variant needs"));
        }
        if (price == null) {
            // A plain item without a price still makes a catalog item; only its stock has nowhere to go.
            return new CatalogEntry(id, item, Optional.empty(), inactive, Optional.empty());
        }
        CatalogVariant variant = new CatalogVariant(id, itemId, sku, title, description, url, price,
                stock == null ? BigDecimal.ZERO : stock, image, !inactive);
        return new CatalogEntry(id, item, Optional.of(variant), inactive, Optional.empty());
    }

    private Map<String, Object> metadata(Map<String, Object> row) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        settings.customMetadata().forEach((column, key) -> {
            Object value = row.get(column.toLowerCase(Locale.ROOT));
            if (value != null) {
                metadata.put(key, value.toString());
            }
        });
        return metadata;
    }

    private static String fill(String template, String id, String sku) {
        return template.replace("{id}", id).replace("{sku}", sku);
    }

    private static String text(Map<String, Object> row, String column, String fallback) {
        Object value = row.get(column);
        return value == null || value.toString().isBlank() ? fallback : value.toString().strip();
    }
}
