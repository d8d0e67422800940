package dev.nsbridge.netsuite.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.suiteql.SuiteQlRow;
import dev.nsbridge.netsuite.testing.SandboxClients;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import dev.nsbridge.sandbox.netsuite.data.NetSuiteAccount;
import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.data.RecordSchema;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.source.ReadMode;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A joined SuiteQL query read as a stream from the sandbox, every read compared with the sandbox's own answer. */
final class QueryReadsIT {
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final SourceTuning SMALL = new SourceTuning(300, 150, 2_000, 1_000, 4);
    private static final String ORDER_LINES = """
            SELECT t.id AS tran_id, tl.id AS line_id, t.tranid, i.itemid, tl.quantity, tl.netamount, tl.memo,
                   TO_CHAR(tl.linelastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS changed
            FROM transaction t
            JOIN transactionline tl ON tl.transaction = t.id
            JOIN item i ON i.id = tl.item
            WHERE t.type = 'SalesOrd' -- order lines with an item
            """;

    @TempDir
    Path stateDirectory;
    private NetSuiteSandbox sandbox;
    private NetSuiteSource source;
    private NetSuiteClient client;

    @BeforeEach
    void start() {
        sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.05));
        client = new SandboxClients(sandbox, stateDirectory).tba();
        source = new NetSuiteSource(client, SMALL);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private StreamDescriptor orderLines() {
        return source.describeQuery(new QueryStreams.Definition("order_lines", ORDER_LINES,
                List.of("tran_id", "line_id"), Optional.of("changed"), List.of()));
    }

    private static ReadRequest request(StreamDescriptor stream, ReadMode mode, State state) {
        return new ReadRequest(stream, List.of(), mode, state, Optional.empty(), Duration.ZERO, Optional.empty());
    }

    private static List<Batch> drain(BatchReader reader, int most) throws InterruptedException {
        List<Batch> batches = new ArrayList<>();
        try (reader) {
            Optional<Batch> batch;
            while (batches.size() < most && (batch = reader.next()).isPresent()) {
                batches.add(batch.get());
            }
        }
        return batches;
    }

    /** The rows by unique key, as the batches deliver them; a key delivered twice fails. */
    private static Map<String, List<Object>> byKey(StreamDescriptor stream, List<Batch> batches) {
        Map<String, List<Object>> rows = new TreeMap<>();
        for (Batch batch : batches) {
            for (int i = 0; i < batch.size(); i++) {
                String key = batch.value(i, "tran_id") + "/" + batch.value(i, "line_id");
                assertThat(rows.put(key, Arrays.asList(batch.rows().get(i)))).as("delivered twice: " + key).isNull();
            }
        }
        return rows;
    }

    /** What the sandbox itself answers to the query with {@code extra} ANDed in, read by offset, in the same types. */
    private Map<String, List<Object>> sandboxAnswer(StreamDescriptor stream, String extra) throws Exception {
        RecordSchema schema = new RecordSchema(stream.columns());
        Map<String, List<Object>> rows = new TreeMap<>();
        NetSuiteAccount account = sandbox.account();
        String query = ORDER_LINES.replace("-- order lines with an item", extra);
        for (int offset = 0; ; offset += 1000) {
            List<Map<String, String>> items = account.query(query, List.of(), offset, 1000).items();
            for (Map<String, String> item : items) {
                rows.put(item.get("tran_id") + "/" + item.get("line_id"),
                        Arrays.asList(SuiteQlRow.of(item, client.suiteQl().dates()).toArray(schema)));
            }
            if (items.size() < 1000) {
                return rows;
            }
        }
    }

    private String now() {
        return "TIMESTAMP '" + LocalDateTime.ofInstant(sandbox.clock().instant(), ZONE).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")) + "'";
    }

    @Test
    void shouldReadAJoinedQueryInFullPageByPageExactlyAsTheSandboxAnswersIt() throws Exception {
        StreamDescriptor stream = orderLines();

        List<Batch> batches = drain(source.read(request(stream, ReadMode.FULL, State.EMPTY)), Integer.MAX_VALUE);

        Map<String, List<Object>> expected = sandboxAnswer(stream, "");
        assertThat(expected.size()).as("the query spans several pages").isGreaterThan(3 * SMALL.pageRows());
        assertThat(byKey(stream, batches)).isEqualTo(expected);
        assertThat(batches.subList(0, batches.size() - 1)).allMatch(b -> b.size() <= SMALL.pageRows())
                .allMatch(b -> b.stateAfter().equals(State.EMPTY)).noneMatch(Batch::endsSnapshot);
        Batch last = batches.get(batches.size() - 1);
        assertThat(last.endsSnapshot()).isTrue();
        Instant latest = expected.values().stream().map(row -> (Instant) row.get(stream.columns().stream()
                .map(c -> c.name()).toList().indexOf("changed"))).filter(v -> v != null).max(Instant::compareTo)
                .orElseThrow();
        assertThat(SourceState.watermark(last.stateAfter())).contains(latest);
    }

    @Test
    void shouldReadOnlyTheRowsChangedSinceTheLastRunIncrementally() throws Exception {
        StreamDescriptor stream = orderLines();
        List<Batch> first = drain(source.read(request(stream, ReadMode.INCREMENTAL, State.EMPTY)),
                Integer.MAX_VALUE);
        assertThat(byKey(stream, first)).isEqualTo(sandboxAnswer(stream, "AND tl.linelastmodifieddate IS NOT NULL"));
        State state = first.get(first.size() - 1).stateAfter();

        sandbox.clock().advance(Duration.ofMinutes(5));
        sandbox.account().executeAdmin("UPDATE transactionline SET memo = 'changed ü', linelastmodifieddate = "
                + now() + " WHERE transaction IN (SELECT MIN(id) FROM transaction WHERE type = 'SalesOrd')");
        List<Batch> second = drain(source.read(request(stream, ReadMode.INCREMENTAL, state)), Integer.MAX_VALUE);

        Map<String, List<Object>> changed = sandboxAnswer(stream, "AND tl.memo = 'changed ü'");
        assertThat(changed).isNotEmpty();
        assertThat(byKey(stream, second)).isEqualTo(changed);
        List<Batch> third = drain(source.read(request(stream, ReadMode.INCREMENTAL,
                second.get(second.size() - 1).stateAfter())), Integer.MAX_VALUE);
        assertThat(third).hasSize(1);
        assertThat(third.get(0).isEmpty()).as("nothing new: one empty batch").isTrue();
        assertThat(third.get(0).stateAfter()).isEqualTo(second.get(second.size() - 1).stateAfter());
    }

    @Test
    void shouldResumeAKilledReadAfterTheLastBatchWrittenWithoutLossOrDuplicates() throws Exception {
        StreamDescriptor stream = orderLines();
        List<Batch> beforeTheKill = drain(source.read(request(stream, ReadMode.INCREMENTAL, State.EMPTY)), 2);
        State written = beforeTheKill.get(1).stateAfter();

        List<Batch> resumed = drain(source.read(request(stream, ReadMode.INCREMENTAL, written)), Integer.MAX_VALUE);

        List<Batch> all = new ArrayList<>(beforeTheKill);
        all.addAll(resumed);
        assertThat(byKey(stream, all)).isEqualTo(sandboxAnswer(stream, "AND tl.linelastmodifieddate IS NOT NULL"));
    }

    @Test
    void shouldReadGivenKeysAsTheyAreNow() throws Exception {
        StreamDescriptor stream = orderLines();
        Map<String, List<Object>> expected = sandboxAnswer(stream, "");
        List<List<Object>> keys = new ArrayList<>(expected.keySet().stream().limit(600).map(k -> List.<Object>of(
                Long.valueOf(k.split("/")[0]), Long.valueOf(k.split("/")[1]))).toList());
        int present = keys.size();
        for (long gone = 1; gone <= 1_100 - present; gone++) {
            keys.add(List.of(-gone, 1L));
        }

        List<Batch> batches = source.readQueryKeys(request(stream, ReadMode.INCREMENTAL, State.EMPTY), keys);

        assertThat(batches).as("at most 1,000 keys a query").hasSize(2);
        Map<String, List<Object>> read = byKey(stream, batches);
        assertThat(read).as("keys no longer there are absent").hasSize(present);
        read.forEach((key, row) -> assertThat(row).isEqualTo(expected.get(key)));
    }

    @Test
    void shouldApplyTheUsersFilterToTheQuerysColumns() throws Exception {
        StreamDescriptor stream = orderLines();
        List<String> keys = new ArrayList<>(sandboxAnswer(stream, "").keySet());
        String middle = keys.get(keys.size() / 2).split("/")[0];
        ReadRequest filtered = new ReadRequest(stream, List.of(), ReadMode.FULL, State.EMPTY,
                Optional.of("tran_id < " + middle), Duration.ZERO, Optional.empty());

        List<Batch> batches = drain(source.read(filtered), Integer.MAX_VALUE);

        assertThat(byKey(stream, batches)).isEqualTo(sandboxAnswer(stream, "AND t.id < " + middle)).isNotEmpty();
    }

    @Test
    void shouldNameWhatToFixInAQueryThatCannotBeRead() {
        assertThatThrownBy(() -> describe("SELECT id FROM customer; DELETE FROM customer", "id"))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.getMessage())
                        .contains("bad", "more than one statement"));
        assertThatThrownBy(() -> describe("UPDATE customer SET email = NULL", "id"))
                .hasMessageContaining("is not a SELECT");
        assertThatThrownBy(() -> describe("SELECT id FROM customer)", "id")).hasMessageContaining("parenthesis");
        assertThatThrownBy(() -> describe("SELECT id FROM nosuchtable", "id"))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.getMessage())
                        .contains("query bad", "nosuchtable"));
        assertThatThrownBy(() -> describe("SELECT id, email FROM customer", "idd"))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.getMessage()).contains("'idd'", "columns: email, id");
                    assertThat(e.fix().orElseThrow()).contains("did you mean id?");
                });
        assertThatThrownBy(() -> describe("SELECT id FROM customer"))
                .hasMessageContaining("has no unique key");
        assertThatThrownBy(() -> source.describeQuery(new QueryStreams.Definition("bad",
                "SELECT id, lastmodifieddate FROM customer", List.of("id"), Optional.of("lastmodifieddate"),
                List.of()))).isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.getMessage()).contains("lastmodifieddate", "YYYY-MM-DD HH24:MI:SS");
                    assertThat(e.fix().orElseThrow()).contains("TO_CHAR(");
                });
    }

    private StreamDescriptor describe(String query, String... key) {
        return source.describeQuery(new QueryStreams.Definition("bad", query, List.of(key), Optional.empty(),
                List.of()));
    }
}
