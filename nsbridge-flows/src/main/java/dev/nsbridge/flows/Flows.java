package dev.nsbridge.flows;

import dev.nsbridge.flows.customers.Consents;
import dev.nsbridge.flows.customers.CustomerFlowSettings;
import dev.nsbridge.flows.customers.CustomerQuery;
import dev.nsbridge.flows.customers.ProfileDelivery;
import dev.nsbridge.flows.customers.ProfileIds;
import dev.nsbridge.flows.delivery.Delivery;
import dev.nsbridge.flows.delivery.FlowDestination;
import dev.nsbridge.flows.delivery.Json;
import dev.nsbridge.flows.items.CatalogDelivery;
import dev.nsbridge.flows.items.ItemFlowSettings;
import dev.nsbridge.flows.items.ItemQuery;
import dev.nsbridge.flows.orders.EventDelivery;
import dev.nsbridge.flows.orders.EventKind;
import dev.nsbridge.flows.orders.OrderFlowSettings;
import dev.nsbridge.flows.orders.OrderQueries;
import dev.nsbridge.flows.read.FlowSelect;
import dev.nsbridge.flows.read.FlowSource;
import dev.nsbridge.flows.suppressions.SuppressionDelivery;
import dev.nsbridge.flows.suppressions.SuppressionSource;
import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.source.DetailQuery;
import dev.nsbridge.netsuite.source.NetSuiteSource;
import dev.nsbridge.netsuite.source.SourceTuning;
import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.config.ConfigValues;
import dev.nsbridge.spi.data.RecordError;
import dev.nsbridge.spi.errors.ConfigurationException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The flow registry: every flow type with its settings, and the factory that builds a flow's pipeline pieces.
 *
 * <pre>{@code
 * Flows.types().forEach(t -> registry.flow(t.wireName(), t.documentation(), t.settings()));   // config checks
 * FlowPieces pieces = Flows.build("customers", "customers-to-klaviyo",
 *         new FlowContext(netSuite, klaviyo, flowConfig.settings(), liveSince, clock, recorder,
 *                 stores.ledger(name)));
 * Pipeline pipeline = new Pipeline(pieces.name(), pieces.source(), pieces.read(), pieces.destination(),
 *         pieces.write());
 * }</pre>
 *
 * <p>A flow from NetSuite to Klaviyo is two halves: {@link #source} reads its documents from NetSuite alone and
 * {@link #delivery} sends them to Klaviyo alone; {@link #build} joins them for the CLI, and the Kafka Connect
 * connectors run them apart, with a topic between them.
 */
public final class Flows {
    private Flows() {
    }

    public static List<FlowType> types() {
        return Arrays.asList(FlowType.values());
    }

    /** @throws ConfigurationException for an unknown type, naming the known ones */
    public static FlowPieces build(String type, String name, FlowContext context) {
        FlowType flow = FlowType.fromWireName(type).orElseThrow(() -> new ConfigurationException("FLOW_UNKNOWN_TYPE",
                "'" + type + "' is not a flow type", "use one of " + String.join(", ",
                types().stream().map(FlowType::wireName).toList())));
        return build(flow, name, context);
    }

    public static FlowPieces build(FlowType type, String name, FlowContext context) {
        if (type == FlowType.SUPPRESSIONS) {
            return suppressions(name, context, FlowKeys.historyStart(context.settings()));
        }
        // A flow from NetSuite is its two halves joined: what the Kafka Connect connectors run apart.
        FlowSource source = source(type, context.settings(), context.netSuite());
        Delivery delivery = delivery(type, context.delivery());
        Optional<String> filter = context.settings().find(FlowKeys.FILTER);
        return new FlowPieces(name, source, source.stream(), filter, new FlowDestination(delivery,
                errors -> source.readKeys(errors.stream().map(RecordError::recordKey).distinct().toList(), filter)),
                target(type));
    }

    /**
     * The source half of a flow that reads NetSuite: its documents (a customer with its consent fields, an order with
     * its lines, an item with its variants) exactly as the flow reads them, from NetSuite alone. It reads only the
     * keys of {@link #sourceSettings}, so {@code values} may hold the flow's settings or just those.
     *
     * @throws ConfigurationException for the suppressions flow, which reads Klaviyo
     */
    public static FlowSource source(FlowType type, ConfigValues values, NetSuiteClient client) {
        FlowSelect query;
        List<DetailQuery> details = List.of();
        switch (type) {
            case CUSTOMERS -> query = withSubsidiaries(CustomerQuery.of(
                    values.get(CustomerFlowSettings.PROFILE_ID_FIELD),
                    values.get(CustomerFlowSettings.FIELD_MAPPING).keySet()), values, "c.subsidiary");
            case ORDERS, CANCELLATIONS, REFUNDS, FULFILLMENTS -> {
                query = withSubsidiaries(orderQuery(type), values, "so.subsidiary");
                Optional<String> brand = values.find(OrderFlowSettings.BRAND_FIELD);
                Optional<String> category = values.find(OrderFlowSettings.CATEGORY_FIELD);
                details = type == FlowType.FULFILLMENTS ? OrderQueries.shipments(brand, category)
                        : List.of(OrderQueries.lines(brand, category));
            }
            case ITEMS -> query = withSubsidiaries(ItemQuery.of(values.get(ItemFlowSettings.CUSTOM_METADATA).keySet()),
                    values, "i.subsidiary");
            default -> throw notFromNetSuite(type);
        }
        SourceTuning defaults = SourceTuning.DEFAULTS;
        // A page is a batch: the position is committed after each, so a crash redoes at most one page.
        int page = values.get(FlowKeys.BATCH_SIZE);
        NetSuiteSource netSuite = new NetSuiteSource(client, new SourceTuning(page, page, defaults.rangeRows(),
                defaults.inListItems(), defaults.queuedBatches()));
        return new FlowSource(netSuite, query, details, FlowKeys.historyStart(values));
    }

    /**
     * The delivery half of a flow that reads NetSuite: the rows its source half reads, mapped and sent to Klaviyo
     * with the flow's consent rules, unique ids and bulk jobs.
     *
     * @throws ConfigurationException for the suppressions flow, which delivers to NetSuite
     */
    public static Delivery delivery(FlowType type, DeliveryContext context) {
        ConfigValues values = context.settings();
        return switch (type) {
            case CUSTOMERS -> {
                CustomerFlowSettings settings = CustomerFlowSettings.from(values);
                ProfileIds ids = context.profileIdWriteBack().map(netSuite -> new ProfileIds(context.klaviyo(),
                                netSuite, settings.profileIdField(), settings.writeBackProfileId()))
                        .orElseGet(() -> ProfileIds.withoutWriteBack(context.klaviyo(), settings.profileIdField()));
                yield new ProfileDelivery(context.klaviyo(), settings, new Consents(context.klaviyo(),
                        settings.listId(), context.liveSince(), context.clock(), context.ledger()), ids,
                        context.recorder());
            }
            case ORDERS -> events(context, EventKind.PLACED);
            case FULFILLMENTS -> events(context, EventKind.FULFILLED);
            case CANCELLATIONS -> events(context, EventKind.CANCELLED);
            case REFUNDS -> events(context, EventKind.REFUNDED);
            case ITEMS -> new CatalogDelivery(context.klaviyo(), ItemFlowSettings.from(values), context.recorder());
            case SUPPRESSIONS -> throw new ConfigurationException("FLOW_NOT_TO_KLAVIYO", "the suppressions flow"
                    + " delivers to NetSuite, not Klaviyo", "use a flow that delivers to Klaviyo: " + String.join(
                    ", ", fromNetSuite().stream().map(FlowType::wireName).toList()));
        };
    }

    /**
     * The settings a flow's source half reads, a part of {@link FlowType#settings()}: what a process that only reads
     * the flow's documents (the Kafka Connect source) is configured with. None of them is required.
     *
     * @throws ConfigurationException for the suppressions flow, which reads Klaviyo
     */
    public static ConfigDef sourceSettings(FlowType type) {
        ConfigDef common = ConfigDef.of(FlowKeys.FILTER, FlowKeys.SUBSIDIARIES, FlowKeys.HISTORY_START,
                FlowKeys.BATCH_SIZE);
        return switch (type) {
            case CUSTOMERS -> common.with(CustomerFlowSettings.PROFILE_ID_FIELD, CustomerFlowSettings.FIELD_MAPPING);
            case ORDERS, CANCELLATIONS, REFUNDS, FULFILLMENTS -> common.with(OrderFlowSettings.BRAND_FIELD,
                    OrderFlowSettings.CATEGORY_FIELD);
            case ITEMS -> common.with(ItemFlowSettings.CUSTOM_METADATA);
            case SUPPRESSIONS -> throw notFromNetSuite(type);
        };
    }

    /**
     * The settings only the source half reads (what to read and how to page it), which a process that only
     * delivers has no use for; the rest of {@link #sourceSettings} (a customer's field mapping, an item's custom
     * metadata) shapes both what is read and what is sent.
     */
    public static Set<String> sourceOnlySettings(FlowType type) {
        Set<String> names = new LinkedHashSet<>(sourceSettings(type).names());
        names.remove(CustomerFlowSettings.FIELD_MAPPING.name());
        names.remove(ItemFlowSettings.CUSTOM_METADATA.name());
        return Set.copyOf(names);
    }

    private static ConfigurationException notFromNetSuite(FlowType type) {
        return new ConfigurationException("FLOW_NOT_FROM_NETSUITE", "the " + type.wireName()
                + " flow reads Klaviyo, not NetSuite", "use a flow that reads NetSuite: " + String.join(", ",
                fromNetSuite().stream().map(FlowType::wireName).toList()));
    }

    /** The flow types that read NetSuite and deliver to Klaviyo: every one but suppressions. */
    public static List<FlowType> fromNetSuite() {
        return types().stream().filter(type -> type != FlowType.SUPPRESSIONS).toList();
    }

    private static Delivery events(DeliveryContext context, EventKind kind) {
        return new EventDelivery(context.klaviyo(), kind, OrderFlowSettings.from(context.settings(),
                context.liveSince()), context.recorder());
    }

    private static FlowSelect orderQuery(FlowType type) {
        return switch (type) {
            case FULFILLMENTS -> OrderQueries.fulfilled();
            case CANCELLATIONS -> OrderQueries.cancelled();
            case REFUNDS -> OrderQueries.refunded();
            default -> OrderQueries.placed();
        };
    }

    /** What a flow's destination writes, for logs and history. */
    private static String target(FlowType type) {
        return switch (type) {
            case CUSTOMERS -> "klaviyo:profiles";
            case ITEMS -> "klaviyo:catalog-items";
            case SUPPRESSIONS -> "netsuite:globalSubscriptionStatus";
            default -> "klaviyo:events";
        };
    }

    private static FlowPieces suppressions(String name, FlowContext context, Optional<Instant> historyStart) {
        SuppressionSource source = new SuppressionSource(context.klaviyo(), historyStart.orElse(Instant.EPOCH));
        FlowDestination destination = new FlowDestination(new SuppressionDelivery(context.netSuite(),
                context.recorder()), errors -> errors.stream().map(error -> {
                    Map<String, Object> row = new LinkedHashMap<>(Json.map(error.payload()));
                    row.remove("patch");
                    return row;
                }).toList());
        return new FlowPieces(name, source, source.discover().get(0), Optional.empty(), destination,
                target(FlowType.SUPPRESSIONS));
    }

    private static FlowSelect withSubsidiaries(FlowSelect query, ConfigValues values, String column) {
        return query.within(column, values.find(FlowKeys.SUBSIDIARIES).orElse(List.of()));
    }
}
