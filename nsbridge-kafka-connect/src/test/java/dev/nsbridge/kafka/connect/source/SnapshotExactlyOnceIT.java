package dev.nsbridge.kafka.connect.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.kafka.connect.ConnectTestCluster;
import dev.nsbridge.kafka.connect.ConnectTestCluster.Decoded;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A full snapshot of several tables lands in their topics exactly once, as a read_committed consumer sees it. */
final class SnapshotExactlyOnceIT {
    private static final List<String> TABLES = List.of("customer", "transaction", "currency");
    private static NetSuiteSandbox sandbox;
    private static ConnectTestCluster connect;

    @BeforeAll
    static void start() {
        sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.05));
        connect = ConnectTestCluster.start("snapshot", 1);
    }

    @AfterAll
    static void stop() {
        connect.close();
        sandbox.close();
    }

    private static long count(String table) {
        return ConnectTestCluster.rows(sandbox, table);
    }

    @Test
    void shouldLandEveryRowOfEveryTableOnceForAReadCommittedConsumer() throws Exception {
        Map<String, String> config = ConnectTestCluster.netSuiteSource(sandbox, "snap.", String.join(",", TABLES));
        config.put("tasks.max", "2");
        connect.cluster().configureConnector("snapshot", config);
        connect.cluster().assertions().assertConnectorAndExactlyNumTasksAreRunning("snapshot", 2,
                "the connector did not start");

        for (String table : TABLES) {
            long rows = count(table);
            List<Decoded> records = connect.awaitCommitted("snap." + table, (int) rows, Duration.ofSeconds(40));
            // Whatever arrived late would be a double: read again once the snapshot's last offset is committed.
            ConnectTestCluster.sleep(Duration.ofSeconds(1));
            records = connect.committed("snap." + table);

            Set<Object> keys = new HashSet<>();
            records.forEach(record -> keys.add(((Struct) record.key().value()).get("id")));
            assertThat(rows).as(table).isPositive();
            assertThat(records).as(table).hasSize((int) rows);
            assertThat(keys).as("distinct keys of " + table).hasSize((int) rows);
        }
    }

    @Test
    void shouldTypeDecimalsTimestampsAndDatesWithConnectsLogicalTypes() {
        List<Decoded> records = connect.awaitCommitted("snap.transaction", (int) count("transaction"),
                Duration.ofSeconds(40));
        Schema value = records.get(0).value().schema();

        assertThat(value.field("foreigntotal").schema().name()).isEqualTo(Decimal.LOGICAL_NAME);
        assertThat(value.field("lastmodifieddate").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
        assertThat(value.field("trandate").schema().name()).isEqualTo(org.apache.kafka.connect.data.Date.LOGICAL_NAME);
        Struct first = (Struct) records.stream().filter(r -> ((Struct) r.value().value()).get("foreigntotal") != null)
                .findFirst().orElseThrow().value().value();
        assertThat(first.get("foreigntotal")).isInstanceOf(BigDecimal.class);
        assertThat(first.get("lastmodifieddate")).isInstanceOf(Date.class);
    }
}
