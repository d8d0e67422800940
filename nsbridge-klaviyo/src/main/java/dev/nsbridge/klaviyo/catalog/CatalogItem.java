package dev.nsbridge.klaviyo.catalog;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * A product. Klaviyo's id for it becomes {@code $custom:::$default:::<externalId>}.
 *
 * @param customMetadata flat key/values, at most 100 KB
 * @param published      {@code null} leaves Klaviyo's default (published)
 */
public record CatalogItem(String externalId, String title, String description, String url, BigDecimal price,
                          String imageFullUrl, Map<String, Object> customMetadata, Boolean published) {
    public CatalogItem {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(url, "url");
        customMetadata = customMetadata == null ? Map.of() : Map.copyOf(customMetadata);
    }

    /** What Klaviyo puts before an external id to make the id of an item or variant in its default catalog. */
    public static final String ID_PREFIX = "$custom:::$default:::";

    /** The id Klaviyo gives the item in its default custom catalog. */
    public String klaviyoId() {
        return ID_PREFIX + externalId;
    }
}
