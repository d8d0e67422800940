package dev.nsbridge.kafka.connect.source;

import dev.nsbridge.flows.FlowKeys;
import dev.nsbridge.flows.FlowType;
import dev.nsbridge.flows.Flows;
import dev.nsbridge.flows.read.FlowSource;
import dev.nsbridge.kafka.connect.config.FlowSettings;
import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.source.DetailQuery;
import dev.nsbridge.spi.config.ConfigProblem;
import dev.nsbridge.spi.config.ConfigValues;
import dev.nsbridge.spi.data.RecordSchema;
import dev.nsbridge.spi.source.ReadMode;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * The {@code flow:<name>} streams ({@code flow:orders}, {@code flow:customers}, {@code flow:items}, ...): a flow's
 * documents exactly as the command line's flow reads them (an order with its lines, a customer with its consent
 * fields, an item with its variants), through the flow's source half, which opens NetSuite alone. One record per
 * document, its lines an array of structs; the offset is the flow's own position ({@code cursor}, {@code last_id}).
 *
 * <p>A flow stream's settings are the keys of the flow's {@code settings:} that its reading uses ({@code filter},
 * {@code subsidiaries}, {@code history_start}, {@code batch_size}, and the flow's own such as {@code brand_field}),
 * each as {@code flow.<name>.<setting>}.
 */
final class FlowDocumentStreams {
    static final String PREFIX = "flow:";

    private final NetSuiteClient netSuite;
    private final Map<String, String> properties;

    FlowDocumentStreams(NetSuiteClient netSuite, Map<String, String> properties) {
        this.netSuite = netSuite;
        this.properties = Map.copyOf(properties);
    }

    static boolean isFlow(String stream) {
        return stream.toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    /** How one flow stream is read, and the schemas of the records nested in its documents, by column. */
    record FlowRead(FlowSource source, ReadRequest request, Map<String, RecordSchema> nested) {
        /** One record per document, keyed by its id, its nested records an array of structs. */
        RecordConverter converter(int decimalScale) {
            StreamDescriptor stream = request.stream();
            return new RecordConverter(stream.name(), stream.primaryKey(), decimalScale, false, nested);
        }
    }

    FlowRead open(String stream) {
        FlowType type = type(stream);
        ConfigValues settings = settings(type, properties);
        FlowSource source = Flows.source(type, settings, netSuite);
        StreamDescriptor document = source.stream();
        // Named after the stream, so its partition and topic say which flow it is; the flow's source describes its
        // query again for each read, whatever the request calls it.
        StreamDescriptor named = new StreamDescriptor(stream, document.columns(), document.primaryKey(),
                document.cursor());
        ReadRequest request = new ReadRequest(named, List.of(), ReadMode.INCREMENTAL, State.EMPTY,
                settings.find(FlowKeys.FILTER), Duration.ZERO, Optional.empty());
        Map<String, RecordSchema> nested = new LinkedHashMap<>();
        for (DetailQuery detail : source.details()) {
            nested.put(detail.column().toLowerCase(Locale.ROOT), detail.schema());
        }
        return new FlowRead(source, request, nested);
    }

    /** The problems of every flow stream's settings among {@code streams}, each naming its property. */
    static List<String> problems(List<String> streams, Map<String, String> properties) {
        List<String> found = new ArrayList<>();
        for (String stream : streams) {
            if (!isFlow(stream)) {
                continue;
            }
            Optional<FlowType> type = flowType(stream);
            if (type.isEmpty()) {
                found.add(stream + " is not a flow that reads NetSuite; use one of " + String.join(", ",
                        Flows.fromNetSuite().stream().map(t -> PREFIX + t.wireName()).toList()));
                continue;
            }
            List<ConfigProblem> problems = new ArrayList<>();
            FlowSettings.parse(Flows.sourceSettings(type.get()), prefix(type.get()), properties, problems);
            problems.forEach(problem -> found.add(prefix(type.get()) + problem.describe()));
        }
        return found;
    }

    private static Optional<FlowType> flowType(String stream) {
        return FlowType.fromWireName(stream.substring(PREFIX.length()).toLowerCase(Locale.ROOT))
                .filter(Flows.fromNetSuite()::contains);
    }

    private static FlowType type(String stream) {
        return flowType(stream).orElseThrow(() -> new ConfigException(stream + " is not a flow that reads NetSuite"));
    }

    private static ConfigValues settings(FlowType type, Map<String, String> properties) {
        List<ConfigProblem> problems = new ArrayList<>();
        ConfigValues values = FlowSettings.parse(Flows.sourceSettings(type), prefix(type), properties, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(prefix(type) + problems.get(0).describe());
        }
        return values;
    }

    /** Where a flow's settings are: {@code flow.orders.} */
    static String prefix(FlowType type) {
        return "flow." + type.wireName() + ".";
    }
}
