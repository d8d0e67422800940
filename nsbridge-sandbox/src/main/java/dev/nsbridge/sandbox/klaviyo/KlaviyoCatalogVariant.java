package dev.nsbridge.sandbox.klaviyo;

import java.math.BigDecimal;

/** A catalog item's variant; its id is Klaviyo's {@code $custom:::$default:::<external_id>}. */
public record KlaviyoCatalogVariant(String id, String itemId, String externalId, String sku, String title,
                                    BigDecimal price, BigDecimal inventoryQuantity, String url, boolean published) {
}
