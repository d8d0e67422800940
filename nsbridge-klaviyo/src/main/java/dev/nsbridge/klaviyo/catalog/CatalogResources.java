package dev.nsbridge.klaviyo.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.klaviyo.http.JsonApi;

/**
 * Items and variants as the catalog jobs' bodies carry them, in the spec's create and update shapes; public so a
 * dry run and a record error show exactly what is sent.
 */
public final class CatalogResources {
    private CatalogResources() {
    }

    /** The spec's {@code CatalogItemCreateQueryResourceObject}. */
    public static ObjectNode itemToCreate(CatalogItem item) {
        ObjectNode resource = JsonApi.resource("catalog-item");
        ObjectNode attributes = ((ObjectNode) resource.get("attributes"))
                .put("external_id", item.externalId())
                .put("integration_type", "$custom")
                .put("catalog_type", "$default");
        itemFields(item, attributes);
        return resource;
    }

    /** The spec's {@code CatalogItemUpdateQueryResourceObject}: the same fields, by id. */
    public static ObjectNode itemToUpdate(CatalogItem item) {
        ObjectNode resource = JsonApi.resource("catalog-item");
        resource.put("id", item.klaviyoId());
        itemFields(item, (ObjectNode) resource.get("attributes"));
        return resource;
    }

    private static void itemFields(CatalogItem item, ObjectNode attributes) {
        attributes.put("title", item.title())
                .put("description", item.description())
                .put("url", item.url());
        if (item.price() != null) {
            attributes.put("price", item.price());
        }
        if (item.imageFullUrl() != null) {
            attributes.put("image_full_url", item.imageFullUrl());
        }
        if (!item.customMetadata().isEmpty()) {
            attributes.set("custom_metadata", JsonApi.tree(item.customMetadata()));
        }
        if (item.published() != null) {
            attributes.put("published", item.published());
        }
    }

    /** The spec's {@code CatalogVariantCreateQueryResourceObject}, tied to its item. */
    public static ObjectNode variantToCreate(CatalogVariant variant) {
        ObjectNode resource = JsonApi.resource("catalog-variant");
        ObjectNode attributes = ((ObjectNode) resource.get("attributes"))
                .put("external_id", variant.externalId())
                .put("catalog_type", "$default")
                .put("integration_type", "$custom");
        variantFields(variant, attributes);
        resource.putObject("relationships").putObject("item").putObject("data").put("type", "catalog-item")
                .put("id", CatalogItem.ID_PREFIX + variant.itemExternalId());
        return resource;
    }

    /** The spec's {@code CatalogVariantUpdateQueryResourceObject}. */
    public static ObjectNode variantToUpdate(CatalogVariant variant) {
        ObjectNode resource = JsonApi.resource("catalog-variant");
        resource.put("id", variant.klaviyoId());
        variantFields(variant, (ObjectNode) resource.get("attributes"));
        return resource;
    }

    private static void variantFields(CatalogVariant variant, ObjectNode attributes) {
        attributes.put("title", variant.title())
                .put("description", variant.description())
                .put("sku", variant.sku())
                .put("inventory_quantity", variant.inventoryQuantity())
                .put("price", variant.price())
                .put("url", variant.url());
        if (variant.imageFullUrl() != null) {
            attributes.put("image_full_url", variant.imageFullUrl());
        }
        if (variant.published() != null) {
            attributes.put("published", variant.published());
        }
    }

    /** A resource identifier, as a delete job lists what it deletes. */
    public static ObjectNode identifier(String type, String id) {
        return JsonApi.object().put("type", type).put("id", id);
    }
}
