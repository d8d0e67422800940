package dev.nsbridge.netsuite.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.suiteql.SuiteQlRow;
import dev.nsbridge.netsuite.testing.SandboxClients;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.data.RecordSchema;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.source.ReadMode;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Custom record types found through the metadata catalog and read like standard tables. */
final class CustomRecordTablesIT {
    private static final String TIERS = "customrecord_loyalty_tier";

    @TempDir
    Path stateDirectory;
    private NetSuiteSandbox sandbox;
    private NetSuiteClient client;
    private NetSuiteSource source;

    @BeforeEach
    void start() {
        sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.05));
        client = new SandboxClients(sandbox, stateDirectory).tba();
        source = new NetSuiteSource(client, new SourceTuning(7, 5, 2_000, 1_000, 4));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private StreamDescriptor tiers() {
        return source.discover().stream().filter(s -> s.name().equals(TIERS)).findFirst().orElseThrow();
    }

    private Map<Long, List<Object>> read(ReadRequest request, Map<Long, List<Object>> into) throws Exception {
        try (BatchReader reader = source.read(request)) {
            Optional<Batch> batch;
            while ((batch = reader.next()).isPresent()) {
                for (int i = 0; i < batch.get().size(); i++) {
                    into.put((Long) batch.get().value(i, "id"), Arrays.asList(batch.get().rows().get(i)));
                }
                lastState = batch.get().stateAfter();
            }
        }
        return into;
    }

    private State lastState = State.EMPTY;

    /** Every row as the sandbox holds it, in the stream's types. */
    private Map<Long, List<Object>> sandboxRows(StreamDescriptor stream) throws Exception {
        RecordSchema schema = new RecordSchema(stream.columns());
        String columns = String.join(", ", stream.columns().stream().map(c -> c.type().name().matches("DATE|TIMESTAMP")
                ? "TO_CHAR(" + c.name() + ", 'YYYY-MM-DD HH24:MI:SS') AS " + c.name() : c.name()).toList());
        Map<Long, List<Object>> rows = new TreeMap<>();
        for (Map<String, String> item : sandbox.account().query("SELECT " + columns + " FROM " + TIERS, List.of(), 0,
                1000).items()) {
            rows.put(Long.valueOf(item.get("id")), Arrays.asList(SuiteQlRow.of(item, client.suiteQl().dates())
                    .toArray(schema)));
        }
        return rows;
    }

    @Test
    void shouldDiscoverACustomRecordTypeWithTheFieldsItsSchemaLists() {
        StreamDescriptor tiers = tiers();

        assertThat(sandbox.account().schemaTypes()).contains(TIERS);
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) sandbox.account().recordSchema(TIERS).orElseThrow()
                .get("properties");
        List<String> custom = properties.keySet().stream().filter(name -> name.startsWith("custrecord")).toList();
        assertThat(custom).isNotEmpty();
        assertThat(tiers.columns().stream().map(Column::name)).contains("id", "name", "lastmodified")
                .containsAll(custom);
        assertThat(tiers.primaryKey()).containsExactly("id");
        assertThat(tiers.cursor()).contains("lastmodified");
    }

    @Test
    void shouldReadACustomRecordTableInFullThenItsChanges() throws Exception {
        StreamDescriptor tiers = tiers();
        Map<Long, List<Object>> landed = read(new ReadRequest(tiers, List.of(), ReadMode.FULL, State.EMPTY,
                Optional.empty(), Duration.ZERO, Optional.empty()), new TreeMap<>());
        assertThat(landed).isEqualTo(sandboxRows(tiers)).hasSizeGreaterThan(5);

        sandbox.clock().advance(Duration.ofMinutes(5));
        String now = LocalDateTime.ofInstant(sandbox.clock().instant(), ZoneId.of("America/Los_Angeles"))
                .truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        sandbox.account().executeAdmin("UPDATE " + TIERS + " SET custrecord_lt_color = 'teal', lastmodified ="
                + " TIMESTAMP '" + now + "' WHERE id IN (2, 3)");
        read(new ReadRequest(tiers, List.of(), ReadMode.INCREMENTAL, lastState, Optional.empty(), Duration.ZERO,
                Optional.empty()), landed);

        assertThat(landed).isEqualTo(sandboxRows(tiers));
        assertThat(landed.get(2L)).contains("teal");
    }
}
