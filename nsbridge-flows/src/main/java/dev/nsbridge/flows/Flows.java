package dev.nsbridge.flows;

import dev.nsbridge.flows.customers.Consents;
import dev.nsbridge.flows.customers.CustomerFlowSettings;
import dev.nsbridge.flows.customers.CustomerQuery;
import dev.nsbridge.flows.customers.ProfileDelivery;
import dev.nsbridge.flows.customers.ProfileIds;
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
import dev.nsbridge.netsuite.source.DetailQuery;
import dev.nsbridge.netsuite.source.NetSuiteSource;
import dev.nsbridge.netsuite.source.SourceTuning;
import dev.nsbridge.spi.config.ConfigValues;
import dev.nsbridge.spi.data.RecordError;
import dev.nsbridge.spi.errors.ConfigurationException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        ConfigValues settings = context.settings();
        return switch (type) {
            case CUSTOMERS -> customers(name, context);
            case ORDERS -> events(name, context, EventKind.PLACED, OrderQueries.placed());
            case FULFILLMENTS -> events(name, context, EventKind.FULFILLED, OrderQueries.fulfilled());
            case CANCELLATIONS -> events(name, context, EventKind.CANCELLED, OrderQueries.cancelled());
            case REFUNDS -> events(name, context, EventKind.REFUNDED, OrderQueries.refunded());
            case ITEMS -> items(name, context);
            case SUPPRESSIONS -> suppressions(name, context, FlowKeys.historyStart(settings));
        };
    }

    private static FlowPieces customers(String name, FlowContext context) {
        ConfigValues values = context.settings();
        CustomerFlowSettings settings = CustomerFlowSettings.from(values);
        FlowSelect query = withSubsidiaries(CustomerQuery.of(settings.profileIdField(),
                settings.mapping().propertyMapping().keySet()), values, "c.subsidiary");
        ProfileDelivery delivery = new ProfileDelivery(context.klaviyo(), settings,
                new Consents(context.klaviyo(), settings.listId(), context.liveSince(), context.clock(),
                        context.ledger()),
                new ProfileIds(context.klaviyo(), context.netSuite(), settings.profileIdField(),
                        settings.writeBackProfileId()), context.recorder());
        return fromNetSuite(name, context, query, List.of(), delivery, "klaviyo:profiles");
    }

    private static FlowPieces events(String name, FlowContext context, EventKind kind, FlowSelect base) {
        ConfigValues values = context.settings();
        OrderFlowSettings settings = OrderFlowSettings.from(values, context.liveSince());
        FlowSelect query = withSubsidiaries(base, values, "so.subsidiary");
        List<DetailQuery> details = kind == EventKind.FULFILLED
                ? OrderQueries.shipments(settings.brandField(), settings.categoryField())
                : List.of(OrderQueries.lines(settings.brandField(), settings.categoryField()));
        return fromNetSuite(name, context, query, details,
                new EventDelivery(context.klaviyo(), kind, settings, context.recorder()), "klaviyo:events");
    }

    private static FlowPieces items(String name, FlowContext context) {
        ConfigValues values = context.settings();
        ItemFlowSettings settings = ItemFlowSettings.from(values);
        FlowSelect query = withSubsidiaries(ItemQuery.of(settings.customMetadata().keySet()), values,
                "i.subsidiary");
        return fromNetSuite(name, context, query, List.of(),
                new CatalogDelivery(context.klaviyo(), settings, context.recorder()), "klaviyo:catalog-items");
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
                "netsuite:globalSubscriptionStatus");
    }

    private static FlowPieces fromNetSuite(String name, FlowContext context, FlowSelect query,
                                           List<DetailQuery> details, dev.nsbridge.flows.delivery.Delivery delivery,
                                           String target) {
        ConfigValues values = context.settings();
        SourceTuning defaults = SourceTuning.DEFAULTS;
        // A page is a batch: the position is committed after each, so a crash redoes at most one page.
        int page = values.get(FlowKeys.BATCH_SIZE);
        NetSuiteSource netSuite = new NetSuiteSource(context.netSuite(), new SourceTuning(page, page,
                defaults.rangeRows(), defaults.inListItems(), defaults.queuedBatches()));
        FlowSource source = new FlowSource(netSuite, query, details, FlowKeys.historyStart(values));
        Optional<String> filter = values.find(FlowKeys.FILTER);
        return new FlowPieces(name, source, source.stream(), filter, new FlowDestination(delivery,
                errors -> source.readKeys(errors.stream().map(RecordError::recordKey).distinct().toList(), filter)),
                target);
    }

    private static FlowSelect withSubsidiaries(FlowSelect query, ConfigValues values, String column) {
        return query.within(column, values.find(FlowKeys.SUBSIDIARIES).orElse(List.of()));
    }
}
