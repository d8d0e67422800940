package dev.nsbridge.flows.orders;

import dev.nsbridge.flows.FlowKeys;
import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.config.ConfigKey;
import dev.nsbridge.spi.config.ConfigValues;
import dev.nsbridge.spi.config.Validator;
import dev.nsbridge.spi.config.Validators;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The order flows' {@code settings:} (orders, fulfillments, cancellations, refunds), parsed.
 *
 * @param events        metric names, line events and the go-live instant
 * @param urlTemplate   product URL with {@code {id}} and {@code {sku}} placeholders, if set
 * @param brandField    item column holding the brand, if any
 * @param categoryField item column holding the category, if any
 */
public record OrderFlowSettings(OrderEventSettings events, Optional<String> urlTemplate, Optional<String> brandField,
                                Optional<String> categoryField) {
    private static final Set<String> METRICS = Set.of("placed_order", "ordered_product", "fulfilled_order",
            "cancelled_order", "refunded_order");

    public static final ConfigKey<Boolean> LINE_EVENTS = ConfigKey.bool("line_events",
            "Whether each order line is also sent as an Ordered Product event.").withDefault(true);
    public static final ConfigKey<Map<String, String>> METRIC_NAMES = ConfigKey.map("metric_names",
            "Overrides of Klaviyo's standard metric names, by event: placed_order, ordered_product, fulfilled_order,"
                    + " cancelled_order, refunded_order (e.g. placed_order: Placed Order NS).")
            .withDefault(Map.of()).validatedBy(Validator.of("keys among " + String.join(", ", METRICS),
                    names -> METRICS.containsAll(names.keySet()) && names.values().stream()
                            .allMatch(name -> !name.isBlank() && name.length() < 128),
                    "names an unknown event or holds a blank or over-long name",
                    "use the keys " + String.join(", ", METRICS) + " with names of 1 to 127 characters"));
    public static final ConfigKey<String> URL_TEMPLATE = ConfigKey.string("url_template",
            "Product page URL for ProductURL, with {id} (internal id) and {sku} (item name/number), e.g."
                    + " https://shop.example.com/p/{sku}.");
    public static final ConfigKey<String> BRAND_FIELD = ConfigKey.string("brand_field",
            "Item column holding the brand (e.g. custitem_brand), sent as Brand and Brands[].")
            .validatedBy(Validators.matches("[A-Za-z0-9_]{1,128}", "a column name"));
    public static final ConfigKey<String> CATEGORY_FIELD = ConfigKey.string("category_field",
            "Item column holding the category, sent as Categories[].")
            .validatedBy(Validators.matches("[A-Za-z0-9_]{1,128}", "a column name"));

    private static final ConfigKey<?>[] COMMON = {FlowKeys.FILTER, FlowKeys.SUBSIDIARIES, FlowKeys.HISTORY_START,
        METRIC_NAMES, URL_TEMPLATE, BRAND_FIELD, CATEGORY_FIELD, FlowKeys.BATCH_SIZE};

    /** The orders flow's keys. */
    public static final ConfigDef ORDERS_DEF = ConfigDef.of(COMMON).with(LINE_EVENTS);
    /** The follow-up flows' keys (fulfillments, cancellations, refunds). */
    public static final ConfigDef FOLLOW_UP_DEF = ConfigDef.of(COMMON);

    public static OrderFlowSettings from(ConfigValues values, Instant liveSince) {
        Map<String, String> names = values.get(METRIC_NAMES);
        boolean lines = values.definition().key(LINE_EVENTS.name()).isPresent() && values.get(LINE_EVENTS);
        OrderEventSettings events = new OrderEventSettings(names.getOrDefault("placed_order", "Placed Order"),
                names.getOrDefault("ordered_product", "Ordered Product"),
                names.getOrDefault("fulfilled_order", "Fulfilled Order"),
                names.getOrDefault("cancelled_order", "Cancelled Order"),
                names.getOrDefault("refunded_order", "Refunded Order"), lines, liveSince);
        return new OrderFlowSettings(events, values.find(URL_TEMPLATE), values.find(BRAND_FIELD),
                values.find(CATEGORY_FIELD));
    }
}
