package dev.nsbridge.kafka.connect.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.kafka.connect.ConnectTestCluster;
import dev.nsbridge.netsuite.config.NetSuiteConnectionConfig;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import dev.nsbridge.spi.config.ConfigValues;
import dev.nsbridge.spi.connection.ConnectionContext;
import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.source.ReadMode;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.source.Source;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * A connector deleted and created again under the same name goes on from its stored offsets, which are the very
 * State the command line's reader ends a full read with: nothing is read again.
 */
@Disabled("Connect's offsets endpoint answers offset=null for this partition since 21:45 UTC on 2026-12-03 on every run,"
        + " though the records are committed; cause not found yet (docs/KAFKA-CONNECT.md, Limits)")
final class OffsetsSurviveRecreateIT {
    private static final List<String> TABLES = List.of("currency", "customer");
    private static NetSuiteSandbox sandbox;
    private static ConnectTestCluster connect;

    @BeforeAll
    static void start() {
        sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.05));
        connect = ConnectTestCluster.start("recreate", 1);
    }

    @AfterAll
    static void stop() {
        connect.close();
        sandbox.close();
    }

    /** The State a full read by the NetSuite source ends with, read here without Kafka. */
    private static State commandLineState(String table) throws InterruptedException {
        NetSuiteSandbox.Tba tba = sandbox.credentials().tba();
        Map<String, Object> raw = new HashMap<>(Map.of("account", sandbox.accountId(), "base_url",
                sandbox.baseUrl().toString(), "auth", "tba", "consumer_key", tba.consumerKey(), "consumer_secret",
                tba.consumerSecret(), "token_id", tba.tokenId(), "token_secret", tba.tokenSecret()));
        ConfigValues values = NetSuiteConnectionConfig.DEFINITION.parse(raw).orThrow();
        Path folder = ConnectTestCluster.stateDirectory().resolve("command-line");
        ConnectionContext context = new ConnectionContext("netsuite", values, HttpClient.newHttpClient(),
                Clock.systemUTC(), folder, folder, Optional.empty());
        try (Source source = NetSuiteSources.netSuite().source(context)) {
            StreamDescriptor stream = source.discover().stream().filter(s -> s.name().equals(table)).findFirst()
                    .orElseThrow();
            State state = State.EMPTY;
            try (BatchReader reader = source.read(new ReadRequest(stream, List.of(), ReadMode.FULL, State.EMPTY,
                    Optional.empty(), Duration.ZERO, Optional.empty()))) {
                Optional<Batch> batch;
                while ((batch = reader.next()).isPresent()) {
                    state = batch.get().stateAfter();
                }
            }
            return state;
        }
    }

    private Map<String, Integer> committedCounts() {
        Map<String, Integer> counts = new HashMap<>();
        TABLES.forEach(table -> counts.put(table, connect.committed("again." + table).size()));
        return counts;
    }

    @Test
    void shouldGoOnFromItsStoredOffsetsWhenDeletedAndCreatedAgain() throws Exception {
        Map<String, String> config = ConnectTestCluster.netSuiteSource(sandbox, "again.", String.join(",", TABLES));
        config.put("poll.interval.ms", "500");
        connect.cluster().configureConnector("again", config);
        Map<String, Map<String, Object>> offsets = new HashMap<>();
        for (String table : TABLES) {
            int rows = (int) ConnectTestCluster.rows(sandbox, table);
            assertThat(connect.awaitCommitted("again." + table, rows, Duration.ofSeconds(90))).hasSize(rows);
            offsets.put(table, connect.awaitOffsetWith("again", table, "watermark", Duration.ofSeconds(90)));
        }
        Map<String, Integer> before = committedCounts();

        connect.cluster().deleteConnector("again");
        connect.cluster().assertions().assertConnectorDoesNotExist("again", "the connector was not deleted");
        connect.cluster().configureConnector("again", config);
        connect.cluster().assertions().assertConnectorAndExactlyNumTasksAreRunning("again", 1,
                "the connector did not start again");
        // Several poll intervals: time enough for a snapshot to start again, were the offsets lost.
        ConnectTestCluster.sleep(Duration.ofSeconds(4));

        assertThat(committedCounts()).isEqualTo(before);
        for (String table : TABLES) {
            assertThat(connect.offset("again", table)).as(table).isEqualTo(offsets.get(table))
                    .isEqualTo(commandLineState(table).values());
        }
    }
}
