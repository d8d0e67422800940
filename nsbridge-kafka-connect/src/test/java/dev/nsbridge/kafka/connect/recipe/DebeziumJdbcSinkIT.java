package dev.nsbridge.kafka.connect.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import dev.nsbridge.sandbox.netsuite.data.NetSuiteAccount;
import dev.nsbridge.testsupport.PostgresServer;
import dev.nsbridge.testsupport.PostgresServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's recipe, run as written: the local NetSuite, Kafka, a worker started from the recipe's properties with
 * nsbridge's plugin archive and Debezium's JDBC sink unpacked into its plugin folder, the two connectors created
 * from the recipe's JSON over the REST API, and PostgreSQL. What lands is compared with the sandbox's own store.
 */
@ExtendWith(PostgresServers.class)
final class DebeziumJdbcSinkIT {
    private static final Duration LANDING = Duration.ofMinutes(3);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @TempDir
    static Path folder;
    private static NetSuiteSandbox netSuite;
    private static EmbeddedKafkaCluster kafka;
    private static RecipeWorker worker;
    private static String warehouseUrl;
    private static List<String> tables;

    @BeforeAll
    static void runTheRecipe(PostgresServer postgres) throws Exception {
        ReadmeRecipe recipe = ReadmeRecipe.read();
        Properties workerProperties = recipe.properties("connect-worker.properties");
        netSuite = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.02));
        warehouseUrl = postgres.createDatabase();
        kafka = SingleBroker.start();
        RecipeFolder.in(folder, workerProperties).withNsbridgePlugin().withDebeziumJdbcPlugin()
                .write("netsuite.properties", recipe.fromStartupLine("netsuite.properties", netSuite.startupJson()))
                .write("warehouse.properties", warehouse(recipe.properties("warehouse.properties")));
        worker = RecipeWorker.start(folder, workerProperties, kafka.bootstrapServers(),
                Path.of("target", "DebeziumJdbcSinkIT-worker.log"));
        Map<String, String> source = recipe.connectorConfig("netsuite-source.json");
        tables = List.of(source.get("tables").split(","));

        assertThat(worker.putConnector("netsuite", source)).as("creating the source").isEqualTo(201);
        assertThat(worker.putConnector("postgres", recipe.connectorConfig("postgres-sink.json")))
                .as("creating the sink").isEqualTo(201);
        worker.awaitRunning("netsuite", Duration.ofMinutes(1));
        worker.awaitRunning("postgres", Duration.ofMinutes(1));
    }

    @AfterAll
    static void stop() throws Exception {
        if (worker != null) {
            worker.close();
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (netSuite != null) {
            netSuite.close();
        }
    }

    @Test
    void shouldLandEveryRowOfEveryTableTheSourceReads() throws Exception {
        for (String table : tables) {
            long inNetSuite = sandboxCount(table);

            assertThat(inNetSuite).as("rows of %s in the sandbox", table).isPositive();
            assertThat(eventually(() -> warehouseCount(table), count -> count == inNetSuite))
                    .as("rows of %s in PostgreSQL", table).isEqualTo(inNetSuite);
        }
    }

    @Test
    void shouldHoldEveryTransactionValueAsNetSuiteHoldsIt() throws Exception {
        TableComparison transactions = new TableComparison("transaction", List.of("tranid", "memo", "type",
                "status"), List.of("foreigntotal", "exchangerate"), List.of("trandate", "shipdate"),
                List.of("createddate", "lastmodifieddate"));

        assertThat(eventually(() -> differences(transactions), List::isEmpty))
                .as("transaction values that differ from the sandbox's store").isEmpty();
        assertThat(transactions.sourceText(DebeziumJdbcSinkIT::sandboxRows).codePoints())
                .as("the compared text holds characters outside ASCII").anyMatch(c -> c > 127);
    }

    @Test
    void shouldHoldEveryCustomerNameByteForByte() throws Exception {
        TableComparison customers = new TableComparison("customer", List.of("entityid", "companyname", "firstname",
                "lastname", "email"), List.of(), List.of(), List.of("datecreated", "lastmodifieddate"));

        assertThat(eventually(() -> differences(customers), List::isEmpty))
                .as("customer values that differ from the sandbox's store").isEmpty();
        assertThat(customers.sourceText(DebeziumJdbcSinkIT::sandboxRows).codePoints())
                .as("the compared names hold characters outside ASCII").anyMatch(c -> c > 127)
                .as("and outside the BMP").anyMatch(Character::isSupplementaryCodePoint);
    }

    @Test
    void shouldUpdateTheRowInPlaceWhenNetSuiteChangesTheRecord() throws Exception {
        long id = firstCustomer(" ORDER BY id DESC");
        long customers = sandboxCount("customer");
        long before = eventually(() -> warehouseCount("customer"), count -> count == customers);
        String renamed = "Zürich Café « 東京 » 🚚 #" + id;
        netSuite.account().executeAdmin("UPDATE customer SET companyname = '" + renamed + "', lastmodifieddate = "
                + sandboxNow() + " WHERE id = " + id);

        String landed = eventually(() -> warehouseText("SELECT companyname FROM customer WHERE id = " + id),
                renamed::equals);

        assertThat(landed == null ? null : landed.getBytes(StandardCharsets.UTF_8)).as("the new name's bytes")
                .isEqualTo(renamed.getBytes(StandardCharsets.UTF_8));
        assertThat(warehouseCount("customer")).as("customers after the change: upserted, not added")
                .isEqualTo(before);
    }

    @Test
    void shouldDeleteTheRowWhenNetSuiteDeletesTheRecord() throws Exception {
        long id = firstCustomer(" ORDER BY id");
        eventually(() -> warehouseCount("customer WHERE id = " + id), count -> count == 1);
        netSuite.account().executeAdmin("DELETE FROM customer WHERE id = " + id);
        netSuite.account().executeAdmin("INSERT INTO deletedrecord (recordid, recordtypeid, type, name, deleteddate,"
                + " context, deletedby, iscustomrecord, iscustomlist) VALUES (" + id + ", -2, 'customer',"
                + " 'Customer', " + sandboxNow() + ", 'UI', 1, 'F', 'F')");

        assertThat(eventually(() -> warehouseCount("customer WHERE id = " + id), count -> count == 0))
                .as("rows of the deleted customer left in PostgreSQL").isZero();
        long customers = sandboxCount("customer");
        assertThat(eventually(() -> warehouseCount("customer"), count -> count == customers))
                .as("customers in PostgreSQL after the delete").isEqualTo(customers);
    }

    private static List<String> differences(TableComparison comparison) throws Exception {
        try (Connection connection = warehouse()) {
            return comparison.differences(connection, DebeziumJdbcSinkIT::sandboxRows,
                    NetSuiteSandbox.Options.defaults().timeZone());
        }
    }

    /** The recipe's warehouse file with this test's database in it: the same keys, the test's values. */
    private static String warehouse(Properties recipe) {
        assertThat(recipe.stringPropertyNames()).as("the keys of the recipe's warehouse.properties")
                .containsExactlyInAnyOrder("url", "user", "password");
        return "url=" + warehouseUrl + "\nuser=" + PostgresServer.USER + "\npassword="
                + PostgresServer.PASSWORD.reveal() + "\n";
    }

    private static Connection warehouse() throws SQLException {
        return DriverManager.getConnection(warehouseUrl, PostgresServer.USER, PostgresServer.PASSWORD.reveal());
    }

    /** Rows in a table (with an optional WHERE after its name); 0 while the sink has not created it yet. */
    private static long warehouseCount(String tableAndFilter) throws SQLException {
        try (Connection connection = warehouse(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + tableAndFilter)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException noTableYet) {
            if ("42P01".equals(noTableYet.getSQLState())) {
                return 0;
            }
            throw noTableYet;
        }
    }

    private static String warehouseText(String query) throws SQLException {
        try (Connection connection = warehouse(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static long sandboxCount(String table) throws Exception {
        return Long.parseLong(sandboxRows("SELECT COUNT(*) AS n FROM " + table).get(0).get("n"));
    }

    private static long firstCustomer(String order) throws Exception {
        return Long.parseLong(sandboxRows("SELECT id FROM customer" + order).get(0).get("id"));
    }

    /** Every row of a query on the sandbox's own store, in process: the values as NetSuite holds them. */
    private static List<Map<String, String>> sandboxRows(String query) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            NetSuiteAccount.QueryPage page = netSuite.account().query(query, List.of(), offset, 1000);
            rows.addAll(page.items());
            if (offset + page.items().size() >= page.totalResults()) {
                return rows;
            }
        }
    }

    private static String sandboxNow() {
        return "TIMESTAMP '" + LocalDateTime.ofInstant(netSuite.clock().instant(),
                NetSuiteSandbox.Options.defaults().timeZone()).truncatedTo(ChronoUnit.SECONDS).format(SECONDS) + "'";
    }

    /** Reads {@code value} until {@code done} holds or {@link #LANDING} passes; returns the last value read. */
    private static <T> T eventually(Check<T> value, Predicate<T> done) throws Exception {
        Instant deadline = Instant.now().plus(LANDING);
        T last = value.read();
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            last = value.read();
        }
        return last;
    }

    @FunctionalInterface
    private interface Check<T> {
        T read() throws Exception;
    }
}
