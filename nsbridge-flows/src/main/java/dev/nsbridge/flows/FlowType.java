package dev.nsbridge.flows;

import dev.nsbridge.flows.customers.CustomerFlowSettings;
import dev.nsbridge.flows.items.ItemFlowSettings;
import dev.nsbridge.flows.orders.OrderFlowSettings;
import dev.nsbridge.flows.suppressions.SuppressionFlowSettings;
import dev.nsbridge.spi.config.ConfigDef;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The flow types the integration app offers, each with the keys of its {@code settings:}. */
public enum FlowType {
    CUSTOMERS("NetSuite customers as Klaviyo profiles, subscribing opt-ins only; the profile id is written back.",
            CustomerFlowSettings.DEF),
    ORDERS("NetSuite sales orders as Placed Order and Ordered Product events.", OrderFlowSettings.ORDERS_DEF),
    FULFILLMENTS("NetSuite item fulfillments as Fulfilled Order events, one per shipment with its lines and tracking.", OrderFlowSettings.FOLLOW_UP_DEF),
    CANCELLATIONS("Cancelled NetSuite sales orders as Cancelled Order events.", OrderFlowSettings.FOLLOW_UP_DEF),
    REFUNDS("NetSuite cash refunds and credit memos as Refunded Order events.", OrderFlowSettings.FOLLOW_UP_DEF),
    ITEMS("NetSuite items as Klaviyo catalog items.", ItemFlowSettings.DEF),
    SUPPRESSIONS("Klaviyo email suppressions as soft opt-outs on NetSuite customers and contacts.",
            SuppressionFlowSettings.DEF);

    private final String documentation;
    private final ConfigDef settings;

    FlowType(String documentation, ConfigDef settings) {
        this.documentation = documentation;
        this.settings = settings;
    }

    /** The value of {@code type:} in {@code nsbridge.yaml}, e.g. {@code customers}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String documentation() {
        return documentation;
    }

    /** The keys under the flow's {@code settings:}. */
    public ConfigDef settings() {
        return settings;
    }

    public static Optional<FlowType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName().equals(name)).findFirst();
    }
}
