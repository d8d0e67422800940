package dev.nsbridge.sandbox.klaviyo;

import java.math.BigDecimal;
import java.util.Map;

/** A catalog item; its id is Klaviyo's {@code $custom:::$default:::<external_id>}. */
public record KlaviyoCatalogItem(String id, String externalId, String title, String description, String url,
                                 BigDecimal price, String imageFullUrl, boolean published,
                                 Map<String, Object> customMetadata) {
}
