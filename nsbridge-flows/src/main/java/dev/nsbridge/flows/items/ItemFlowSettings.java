package dev.nsbridge.flows.items;

import dev.nsbridge.flows.FlowKeys;
import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.config.ConfigKey;
import dev.nsbridge.spi.config.ConfigValues;
import dev.nsbridge.spi.config.Validators;
import java.util.Map;

/**
 * The items flow's {@code settings:}, parsed.
 *
 * @param urlTemplate      product page URL with {@code {id}} and {@code {sku}} placeholders
 * @param imageUrlTemplate product image URL with the same placeholders; {@code null} sends no image
 * @param customMetadata   item column → custom_metadata key
 * @param inactiveItems    what an item that became inactive becomes in Klaviyo
 */
public record ItemFlowSettings(String urlTemplate, String imageUrlTemplate, Map<String, String> customMetadata,
                               InactiveItems inactiveItems) {
    public static final ConfigKey<String> URL_TEMPLATE = ConfigKey.string("url_template",
            "Product page URL, with {id} (internal id) and {sku} (item name/number), e.g."
                    + " https://shop.example.com/p/{sku}. Klaviyo needs a URL for every catalog item.")
            .required().validatedBy(Validators.matches("https?://.+", "an http or https URL"));
    public static final ConfigKey<String> IMAGE_URL_TEMPLATE = ConfigKey.string("image_url_template",
            "Product image URL, with {id} and {sku} as in url_template, e.g."
                    + " https://cdn.example.com/img/{sku}.jpg. Absent: no image is sent.")
            .validatedBy(Validators.matches("https?://.+", "an http or https URL"));
    public static final ConfigKey<Map<String, String>> CUSTOM_METADATA = ConfigKey.map("custom_metadata",
            "Item column → custom_metadata key, e.g. custitem_brand: brand.").withDefault(Map.of());
    public static final ConfigKey<InactiveItems> INACTIVE_ITEMS = ConfigKey.enumeration("inactive_items",
            InactiveItems.class, "What an item made inactive in NetSuite becomes in Klaviyo's catalog: unpublish"
                    + " keeps it with published false, delete removes it with its variants. An inactive item"
                    + " Klaviyo never had is left out either way.").withDefault(InactiveItems.UNPUBLISH);

    public static final ConfigDef DEF = ConfigDef.of(URL_TEMPLATE, FlowKeys.FILTER, FlowKeys.SUBSIDIARIES,
            FlowKeys.HISTORY_START, IMAGE_URL_TEMPLATE, CUSTOM_METADATA, INACTIVE_ITEMS, FlowKeys.BATCH_SIZE);

    public static ItemFlowSettings from(ConfigValues values) {
        return new ItemFlowSettings(values.get(URL_TEMPLATE), values.find(IMAGE_URL_TEMPLATE).orElse(null),
                values.get(CUSTOM_METADATA), values.get(INACTIVE_ITEMS));
    }
}
