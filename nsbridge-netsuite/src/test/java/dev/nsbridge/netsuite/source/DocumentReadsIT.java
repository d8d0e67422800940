package dev.nsbridge.netsuite.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.netsuite.testing.SandboxClients;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.data.NestedRecords;
import dev.nsbridge.spi.data.RowMap;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.source.ReadMode;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sales orders read with their lines nested in them, each order's lines compared with the sandbox's own answer. */
final class DocumentReadsIT {
    private static final SourceTuning SMALL = new SourceTuning(100, 100, 2_000, 1_000, 4);
    private static final String ORDERS = "SELECT t.id AS id, t.tranid AS tranid,"
            + " TO_CHAR(t.createddate, 'YYYY-MM-DD HH24:MI:SS') AS created FROM transaction t"
            + " WHERE t.type = 'SalesOrd'";
    private static final String LINES = "SELECT tl.transaction AS order_id, tl.id AS line_id, i.itemid AS sku,"
            + " ABS(tl.quantity) AS quantity FROM transactionline tl JOIN item i ON i.id = tl.item"
            + " WHERE tl.mainline = 'F' AND tl.taxline = 'F'";

    @TempDir
    Path stateDirectory;
    private NetSuiteSandbox sandbox;
    private NetSuiteSource source;
    private StreamDescriptor orders;

    @BeforeEach
    void start() {
        sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.05));
        source = new NetSuiteSource(new SandboxClients(sandbox, stateDirectory).tba(), SMALL);
        orders = source.describeDocument(new QueryStreams.Definition("orders", ORDERS, List.of("id"),
                Optional.of("created"), List.of(new Column("id", ColumnType.STRING),
                        new Column("tranid", ColumnType.STRING), new Column("created", ColumnType.TIMESTAMP))),
                List.of(new DetailQuery("lines", LINES, "order_id", "id", List.of(
                        new Column("line_id", ColumnType.STRING), new Column("sku", ColumnType.STRING),
                        new Column("quantity", ColumnType.DECIMAL)), List.of("line_id"))));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void shouldNestEachOrdersOwnLinesTypedAsNetSuiteHoldsThem() throws Exception {
        List<Batch> batches = new ArrayList<>();
        try (BatchReader reader = source.readQuery(request(), Optional.empty())) {
            for (Optional<Batch> batch = reader.next(); batch.isPresent(); batch = reader.next()) {
                batches.add(batch.get());
            }
        }

        Map<String, List<List<Object>>> read = new TreeMap<>();
        batches.forEach(batch -> batch.rowMaps().forEach(order -> read.put((String) order.get("id"),
                lines((NestedRecords) order.get("lines")))));
        assertThat(orders.column("lines")).hasValue(new Column("lines", ColumnType.RECORDS));
        assertThat(batches).as("several pages, each with its own lines query").hasSizeGreaterThan(2);
        assertThat(read).isEqualTo(sandboxLines());
    }

    @Test
    void shouldReadGivenOrdersWithTheirLinesForARetry() throws Exception {
        Map<String, List<List<Object>>> expected = sandboxLines();
        List<String> some = expected.keySet().stream().limit(5).toList();

        Map<String, List<List<Object>>> read = new TreeMap<>();
        for (Batch batch : source.readQueryKeys(request(), some.stream().map(id -> List.<Object>of(id)).toList())) {
            batch.rowMaps().forEach(order -> read.put((String) order.get("id"),
                    lines((NestedRecords) order.get("lines"))));
        }

        assertThat(read).containsOnlyKeys(some);
        some.forEach(id -> assertThat(read.get(id)).isEqualTo(expected.get(id)));
    }

    private ReadRequest request() {
        return new ReadRequest(orders, List.of(), ReadMode.INCREMENTAL, State.EMPTY, Optional.empty(), Duration.ZERO,
                Optional.empty());
    }

    private static List<List<Object>> lines(NestedRecords lines) {
        List<List<Object>> values = new ArrayList<>();
        for (RowMap line : lines.maps()) {
            values.add(List.of(line.get("line_id"), line.get("sku"), line.get("quantity")));
        }
        return values;
    }

    /** Every order with its lines in line order, as the sandbox answers a plain query; orders without lines too. */
    private Map<String, List<List<Object>>> sandboxLines() throws Exception {
        Map<String, List<List<Object>>> expected = new TreeMap<>();
        for (Map<String, String> order : all(ORDERS)) {
            expected.put(order.get("id"), new ArrayList<>());
        }
        for (Map<String, String> line : all(LINES + " ORDER BY tl.transaction, tl.id")) {
            List<List<Object>> lines = expected.get(line.get("order_id"));
            if (lines != null) {
                lines.add(List.of(line.get("line_id"), line.get("sku"), new BigDecimal(line.get("quantity"))));
            }
        }
        return expected;
    }

    private List<Map<String, String>> all(String query) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            List<Map<String, String>> items = sandbox.account().query(query, List.of(), offset, 1000).items();
            rows.addAll(items);
            if (items.size() < 1000) {
                return rows;
            }
        }
    }
}
