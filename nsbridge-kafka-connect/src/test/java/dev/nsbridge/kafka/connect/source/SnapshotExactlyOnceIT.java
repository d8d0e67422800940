package dev.nsbridge.kafka.connect.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.kafka.connect.ConnectTestCluster;
import dev.nsbridge.kafka.connect.ConnectTestCluster.Decoded;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private static final String QUERY = "SELECT id, entityid, TO_CHAR(lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS')"
            + " AS changed FROM customer WHERE MOD(id, 3) = 0";
    private static NetSuiteSandbox sandbox;
    private static ConnectTestCluster connect;

    private static Path secrets;

    @BeforeAll
    static void start() throws Exception {
        sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.05));
        connect = ConnectTestCluster.start("snapshot", 1);
        NetSuiteSandbox.Tba tba = sandbox.credentials().tba();
        Files.createDirectories(ConnectTestCluster.stateDirectory());
        secrets = Files.createTempFile(ConnectTestCluster.stateDirectory(), "netsuite", ".properties");
        Files.writeString(secrets, "consumer_secret=" + tba.consumerSecret() + "\ntoken_secret=" + tba.tokenSecret()
                + "\n");
        Map<String, String> config = ConnectTestCluster.netSuiteSource(sandbox, "snap.", String.join(",", TABLES));
        config.put("tasks.max", "2");
        // The transactions in two id ranges, each read with its own offset: together still every row once.
        config.put("split.transaction", sandbox.account().query("SELECT MIN(id) + (MAX(id) - MIN(id)) / 2 AS n"
                + " FROM transaction", List.of(), 0, 1).items().get(0).get("n"));
        config.put("queries", "third_customers");
        config.put("query.third_customers.sql", QUERY);
        config.put("query.third_customers.unique.key", "id");
        config.put("query.third_customers.incremental.key", "changed");
        config.put("netsuite.consumer.secret", "${file:" + secrets + ":consumer_secret}");
        config.put("netsuite.token.secret", "${file:" + secrets + ":token_secret}");
        connect.cluster().configureConnector("snapshot", config);
        connect.cluster().assertions().assertConnectorAndExactlyNumTasksAreRunning("snapshot", 2,
                "the connector did not start");
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
        for (String table : TABLES) {
            long rows = count(table);
            List<Decoded> records = connect.awaitCommitted("snap." + table, (int) rows, Duration.ofSeconds(90));
            // Whatever arrived late would be a double: read again once the snapshot's last offset is committed.
            ConnectTestCluster.sleep(Duration.ofSeconds(1));
            records = connect.committed("snap." + table);

            Set<Object> keys = new HashSet<>();
            records.forEach(record -> keys.add(((Struct) record.key().value()).get("id")));
            assertThat(rows).as(table).isPositive();
            assertThat(records).as(table).hasSize((int) rows);
            assertThat(keys).as("distinct keys of " + table).hasSize((int) rows);
        }
        assertThat(connect.cluster().connectorOffsets("snapshot").offsets()).as("one offset per range")
                .filteredOn(offset -> "transaction".equals(offset.partition().get("stream")))
                .extracting(offset -> offset.partition().get("range")).hasSize(2).doesNotContainNull();
    }

    @Test
    void shouldReadASuiteQlQueryIntoATopicOfItsOwnOnce() throws Exception {
        long rows = sandbox.account().query(QUERY, List.of(), 0, 1_000).totalResults();

        List<Decoded> records = connect.awaitCommitted("snap.third_customers", (int) rows, Duration.ofSeconds(90));
        ConnectTestCluster.sleep(Duration.ofSeconds(1));
        records = connect.committed("snap.third_customers");

        assertThat(rows).isPositive();
        assertThat(records).hasSize((int) rows);
        assertThat(records).allSatisfy(record -> assertThat((Long) ((Struct) record.key().value()).get("id") % 3)
                .isZero());
        assertThat(records.stream().map(record -> ((Struct) record.key().value()).get("id")).distinct())
                .hasSize((int) rows);
    }

    @Test
    void shouldTakeItsSecretsFromAConfigProviderAndNeverStoreTheirValues() {
        connect.awaitCommitted("snap.currency", (int) count("currency"), Duration.ofSeconds(90));
        String tokenSecret = sandbox.credentials().tba().tokenSecret();

        assertThat(connect.committed("snap.currency")).as("read with the secrets from the file").isNotEmpty();
        assertThat(connect.cluster().connectorInfo("snapshot").config().get("netsuite.token.secret"))
                .startsWith("${file:");
        assertThat(connect.cluster().taskConfigs("snapshot").toString()).doesNotContain(tokenSecret)
                .doesNotContain(sandbox.credentials().tba().consumerSecret());
    }

    @Test
    void shouldTypeDecimalsTimestampsAndDatesWithConnectsLogicalTypes() {
        List<Decoded> records = connect.awaitCommitted("snap.transaction", (int) count("transaction"),
                Duration.ofSeconds(90));
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
