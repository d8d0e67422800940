package dev.nsbridge.flows.items;

import dev.nsbridge.klaviyo.catalog.CatalogItem;
import dev.nsbridge.klaviyo.catalog.CatalogVariant;
import java.util.Optional;

/**
 * One NetSuite item row as the catalog holds it: a catalog item (a plain item, or a matrix parent), a variant (a
 * matrix child, or the one variant that carries a plain item's stock), or both.
 *
 * @param key      the NetSuite internal id, which record errors are filed under
 * @param inactive whether NetSuite marks the item inactive
 * @param refusal  why the row cannot be sent, if it cannot
 */
record CatalogEntry(String key, Optional<CatalogItem> item, Optional<CatalogVariant> variant, boolean inactive,
                    Optional<String> refusal) {

    /** A matrix child: a variant whose catalog item is another row's. */
    boolean variantOnly() {
        return item.isEmpty() && variant.isPresent();
    }
}
