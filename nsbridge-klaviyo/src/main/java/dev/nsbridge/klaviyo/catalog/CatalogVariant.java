package dev.nsbridge.klaviyo.catalog;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One variant of a catalog item: what Klaviyo's back-in-stock watches, so it carries the stock.
 *
 * @param itemExternalId the external id of the catalog item it belongs to
 * @param published      {@code null} leaves Klaviyo's default (published)
 */
public record CatalogVariant(String externalId, String itemExternalId, String sku, String title, String description,
                             String url, BigDecimal price, BigDecimal inventoryQuantity, String imageFullUrl,
                             Boolean published) {
    public CatalogVariant {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(itemExternalId, "itemExternalId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(inventoryQuantity, "inventoryQuantity");
    }

    /** The id Klaviyo gives the variant in its default custom catalog. */
    public String klaviyoId() {
        return CatalogItem.ID_PREFIX + externalId;
    }
}
