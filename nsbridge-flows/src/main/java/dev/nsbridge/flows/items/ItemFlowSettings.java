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
 * @param urlTemplate     product page URL with {@code {id}} and {@code {sku}} placeholders
 * @param customMetadata  item column → custom_metadata key
 * @param includeInactive whether inactive items are sent (unpublished) rather than left out
 */
public record ItemFlowSettings(String urlTemplate, Map<String, String> customMetadata, boolean includeInactive) {
    public static final ConfigKey<String> URL_TEMPLATE = ConfigKey.string("url_template",
            "Product page URL, with {id} (internal id) and {sku} (item name/number), e.g."
                    + " https://shop.example.com/p/{sku}. Klaviyo needs a URL for every catalog item.")
            .required().validatedBy(Validators.matches("https?://.+", "an http or https URL"));
    public static final ConfigKey<Map<String, String>> CUSTOM_METADATA = ConfigKey.map("custom_metadata",
            "Item column → custom_metadata key, e.g. custitem_brand: brand.").withDefault(Map.of());
    public static final ConfigKey<Boolean> INCLUDE_INACTIVE = ConfigKey.bool("include_inactive",
            "Whether inactive items are sent, unpublished, instead of left out.").withDefault(false);

    public static final ConfigDef DEF = ConfigDef.of(URL_TEMPLATE, FlowKeys.FILTER, FlowKeys.SUBSIDIARIES,
            FlowKeys.HISTORY_START, CUSTOM_METADATA, INCLUDE_INACTIVE, FlowKeys.BATCH_SIZE);

    public static ItemFlowSettings from(ConfigValues values) {
        return new ItemFlowSettings(values.get(URL_TEMPLATE), values.get(CUSTOM_METADATA),
                values.get(INCLUDE_INACTIVE));
    }
}
