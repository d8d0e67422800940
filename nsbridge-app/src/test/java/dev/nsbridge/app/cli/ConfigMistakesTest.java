package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes in nsbridge.yaml that {@code check} must find before anything connects, each with its line and fix. The
 * connections point nowhere reachable: a mistake found too late would show as a connection failure instead.
 */
final class ConfigMistakesTest {
    private static final String WIDENING = "c.id < 200) OR (1=1";

    @TempDir
    Path folder;

    private Path write(String rest) throws Exception {
        return Files.writeString(folder.resolve("nsbridge.yaml"), """
                connections:
                  netsuite:
                    type: netsuite
                    account: "1234567"
                    base_url: "http://127.0.0.1:9"
                    auth: tba
                    consumer_key: "%s"
                    consumer_secret: "%s"
                    token_id: "%s"
                    token_secret: "%s"
                  klaviyo:
                    type: klaviyo
                    api_key: "%s"
                    base_url: "http://127.0.0.1:9"
                  warehouse:
                    type: duckdb
                    path: warehouse.duckdb
                """.formatted(EncryptedValue.of("connections.netsuite.consumer_key", "ck"),
                EncryptedValue.of("connections.netsuite.consumer_secret", "cs"),
                EncryptedValue.of("connections.netsuite.token_id", "ti"),
                EncryptedValue.of("connections.netsuite.token_secret", "ts"),
                EncryptedValue.of("connections.klaviyo.api_key", "pk_test")) + rest);
    }

    private static int lineOf(Path file, String text) throws Exception {
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }

    @Test
    void shouldRefuseAnExtractFilterThatClosesTheQuerysParenthesisAtCheckAndRunWithItsLine() throws Exception {
        Path config = write("""
                extracts:
                  customers:
                    connection: netsuite
                    table: customer
                    destination: warehouse
                    filter: "%s"
                """.formatted(WIDENING));
        String where = "line " + lineOf(config, "filter:") + ": extracts.customers.filter:";

        Commands.Outcome check = Commands.run("check", "--config", config.toString());
        Commands.Outcome run = Commands.run("run", "--config", config.toString(), "customers");

        assertThat(check.code()).as(check.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(check.all()).contains(where).contains("closes a parenthesis").doesNotContain("passed");
        assertThat(run.code()).as(run.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.all()).contains(where);
        assertThat(folder.resolve("warehouse.duckdb")).doesNotExist();
    }

    @Test
    void shouldRefuseAFlowFilterThatClosesTheQuerysParenthesisWithItsLine() throws Exception {
        Path config = write("""
                flows:
                  customers:
                    type: customers
                    source: netsuite
                    destination: klaviyo
                    settings:
                      list_id: Y6nRLr
                      filter: "%s"
                """.formatted(WIDENING));

        Commands.Outcome check = Commands.run("check", "--config", config.toString());

        assertThat(check.code()).as(check.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(check.all()).contains("line " + lineOf(config, "filter:")
                + ": flows.customers.settings.filter:").contains("closes a parenthesis");
    }

    private static Commands.Outcome check(Path config) {
        return Commands.run("check", "--config", config.toString());
    }

    private static void assertRefused(Commands.Outcome outcome, String at, String message) {
        assertThat(outcome.code()).as(outcome.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.all()).contains(at).contains(message).doesNotContain("passed");
    }

    @Test
    void shouldRefuseAnExtractLandingInATableAnotherExtractFillsFromADifferentSource() throws Exception {
        Path config = write("""
                extracts:
                  item:
                    connection: netsuite
                    table: item
                    destination: warehouse
                  customer:
                    connection: netsuite
                    table: customer
                    destination: warehouse
                    destination_table: item
                """);

        assertRefused(check(config), "line " + lineOf(config, "destination_table: item")
                + ": extracts.customer.destination_table:", "also written by the extract item");
    }

    @Test
    void shouldRefuseDestinationTablesTheWarehouseWouldRefuseAndItsOwnTables() throws Exception {
        Path config = write("""
                extracts:
                  customer:
                    connection: netsuite
                    table: customer
                    destination: warehouse
                    destination_table: "customer list"
                  item:
                    connection: netsuite
                    table: item
                    destination: warehouse
                    destination_table: _nsbridge_state
                  sales-orders:
                    connection: netsuite
                    table: transaction
                    destination: warehouse
                """);

        Commands.Outcome outcome = check(config);

        assertRefused(outcome, "line " + lineOf(config, "customer list") + ": extracts.customer.destination_table:",
                "is not a usable table name");
        assertThat(outcome.all()).contains("line " + lineOf(config, "_nsbridge_state")
                + ": extracts.item.destination_table:").contains("nsbridge keeps for its own tables")
                .contains("line " + lineOf(config, "sales-orders:") + ": extracts.sales-orders.destination_table:")
                .contains("add destination_table:");
    }

    @Test
    void shouldRefuseAQuotedOrAbsurdlyLongSourceTableWithoutEchoingItAll() throws Exception {
        Path config = write("""
                extracts:
                  customer:
                    connection: netsuite
                    table: '"customer"'
                    destination: warehouse
                  item:
                    connection: netsuite
                    table: %s
                    destination: warehouse
                """.formatted("x".repeat(200_000) + "!"));

        Commands.Outcome outcome = check(config);

        assertRefused(outcome, "line " + lineOf(config, "'\"customer\"'") + ": extracts.customer.table:",
                "is not a table name");
        assertThat(outcome.all()).contains("line " + lineOf(config, "table: xxx") + ": extracts.item.table:")
                .hasSizeLessThan(5_000);
    }

    @Test
    void shouldRefuseAnExtractWritingIntoNetSuite() throws Exception {
        Path config = write("""
                extracts:
                  customer:
                    connection: netsuite
                    table: customer
                    destination: netsuite
                """);

        assertRefused(check(config), "line " + lineOf(config, "destination: netsuite")
                + ": extracts.customer.destination: 'netsuite' is a netsuite connection", "duckdb or postgres");
    }

    @Test
    void shouldRefuseAFlowThatDoesNotRunBetweenNetSuiteAndKlaviyo() throws Exception {
        Path config = write("""
                flows:
                  customers:
                    type: customers
                    source: netsuite
                    destination: warehouse
                    settings:
                      list_id: Y6nRLr
                """);

        assertRefused(check(config), "line " + lineOf(config, "destination: warehouse") + ": flows.customers:"
                + " connects netsuite (netsuite) to warehouse (duckdb)", "between a netsuite and a klaviyo");
    }

    @Test
    void shouldNotCallAnEmptyFileValid() throws Exception {
        Path config = Files.writeString(folder.resolve("nsbridge.yaml"), "");

        assertRefused(check(config), "connections: is missing: the file is empty", "add connections:");
    }

    @Test
    void shouldRefuseADuckDbPathLeavingTheConfigFolderUnlessAbsoluteAndCreateNothing() throws Exception {
        Path nested = Files.createDirectories(folder.resolve("a/b/c/d"));
        Path climbing = Files.writeString(nested.resolve("nsbridge.yaml"), """
                connections:
                  warehouse:
                    type: duckdb
                    path: ../../../../etc/x.duckdb
                """);
        Path absolute = Files.writeString(folder.resolve("absolute.yaml"), """
                connections:
                  warehouse:
                    type: duckdb
                    path: %s
                    pathh: typo
                """.formatted(folder.resolve("etc/y.duckdb")));

        assertRefused(check(climbing), "line 4: connections.warehouse.path:", "leaves the folder of nsbridge.yaml");
        Commands.Outcome meant = check(absolute);
        assertThat(meant.all()).contains("pathh").doesNotContain("connections.warehouse.path:");
        assertThat(folder.resolve("etc")).doesNotExist();
    }

    @Test
    void shouldRefuseAMalformedAccountOrBaseUrlWithTheirLines() throws Exception {
        Path config = write("");
        Files.writeString(config, Files.readString(config).replace("\"1234567\"", "\"12 34!\"")
                .replaceFirst("\"http://127.0.0.1:9\"", "\"not a url\""));

        Commands.Outcome outcome = check(config);

        assertRefused(outcome, "line " + lineOf(config, "12 34!") + ": connections.netsuite.account:",
                "is not a NetSuite account id");
        assertThat(outcome.all()).contains("line " + lineOf(config, "not a url") + ": connections.netsuite.base_url:");
    }

    @Test
    void shouldRefuseAPasswordInsideAPostgresUrlWithoutShowingIt() throws Exception {
        Path config = write("""
                  analytics:
                    type: postgres
                    url: jdbc:postgresql://db.example.com:5432/analytics?user=etl&password=hunter2
                    user: etl
                """);

        Commands.Outcome outcome = check(config);

        assertRefused(outcome, "line " + lineOf(config, "url: jdbc") + ": connections.analytics.url:",
                "without a password");
        assertThat(outcome.all()).doesNotContain("hunter2");
    }

    @Test
    void shouldRefuseAnUnknownLoadMetadataNamingTheKeyAndTheChoices() throws Exception {
        Path config = write("""
                  analytics:
                    type: postgres
                    url: jdbc:postgresql://db.example.com:5432/analytics
                    user: etl
                    load_metadata: dbt
                """);

        assertRefused(check(config), "line " + lineOf(config, "load_metadata:")
                + ": connections.analytics.load_metadata:", "is not one of nsbridge, fivetran");
    }

    @Test
    void shouldCheckAWarehouseNotMadeYetWithoutMakingIt() throws Exception {
        Path config = Files.writeString(folder.resolve("nsbridge.yaml"), """
                connections:
                  warehouse:
                    type: duckdb
                    path: data/warehouse.duckdb
                """);

        Commands.Outcome outcome = check(config);

        assertThat(outcome.code()).as(outcome.all()).isZero();
        assertThat(outcome.all()).contains("connection warehouse (duckdb): passed").contains("first run creates it");
        assertThat(folder.resolve("data")).doesNotExist();
    }
}
