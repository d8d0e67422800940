package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import dev.nsbridge.sandbox.netsuite.data.NetSuiteAccount.QueryPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

final class RunCommandIT {
    private static final String CUSTOMER = """
            customer:
              connection: netsuite
              table: customer
              destination: warehouse
            """;

    @RegisterExtension
    static final LocalNetSuiteExtension NETSUITE = new LocalNetSuiteExtension();

    private static NetSuiteSandbox sandbox() {
        return NETSUITE.sandbox();
    }

    @TempDir
    Path folder;

    @Test
    void shouldLandEveryCustomerInDuckDbThenChangeNothingOnASecondRun() throws Exception {
        Path config = SandboxConfig.write(folder, sandbox(), CUSTOMER);

        Commands.Outcome first = Commands.run("run", "--config", config.toString());
        Commands.Outcome second = Commands.run("run", "--config", config.toString(), "--json");

        assertThat(first.code()).as(first.all()).isZero();
        assertThat(first.out()).contains("customer").contains("merge").contains("succeeded");
        assertThat(first.err()).contains("rows/s");
        QueryPage source = sandbox().account().query("SELECT count(*) AS n, sum(id) AS ids FROM customer", List.of(),
                0, 1);
        Map<String, String> expected = source.items().get(0);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + folder.resolve("warehouse.duckdb"));
             Statement statement = connection.createStatement();
             ResultSet landed = statement.executeQuery("SELECT count(*), sum(id) FROM customer")) {
            landed.next();
            assertThat(landed.getLong(1)).isEqualTo(Long.parseLong(expected.get("n")));
            assertThat(landed.getLong(2)).isEqualTo(Long.parseLong(expected.get("ids")));
        }
        JsonNode json = new ObjectMapper().readTree(second.out());
        assertThat(json.path("extracts").get(0).path("rows_written").asLong()).isZero();
        assertNoSecretIn(first.all() + second.all());
    }

    @Test
    void shouldFlagACustomerDeletedBetweenTwoFullMergeRuns() throws Exception {
        Path config = SandboxConfig.write(folder, sandbox(), CUSTOMER + "  mode: full\n  load_method: merge\n");
        Commands.Outcome first = Commands.run("run", "--config", config.toString());
        String gone = sandbox().account().query("SELECT MAX(id) AS id FROM customer", List.of(), 0, 1).items().get(0)
                .get("id");
        // Deleted behind NetSuite's back, so deletedrecord never hears of it: only the full read can tell.
        sandbox().account().executeAdmin("DELETE FROM customer WHERE id = " + gone);

        Commands.Outcome second = Commands.run("run", "--config", config.toString(), "--json");

        assertThat(first.code()).as(first.all()).isZero();
        assertThat(second.code()).as(second.all()).isZero();
        assertThat(new ObjectMapper().readTree(second.out()).path("extracts").get(0).path("rows_deleted").asLong())
                .isEqualTo(1);
        long live = Long.parseLong(sandbox().account().query("SELECT count(*) AS n FROM customer", List.of(), 0, 1)
                .items().get(0).get("n"));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + folder.resolve("warehouse.duckdb"));
             Statement statement = connection.createStatement();
             ResultSet landed = statement.executeQuery("SELECT string_agg(CAST(id AS VARCHAR)) FILTER (WHERE"
                     + " _nsbridge_deleted), count(*) FILTER (WHERE NOT _nsbridge_deleted) FROM customer")) {
            landed.next();
            assertThat(landed.getString(1)).as("the customers flagged deleted").isEqualTo(gone);
            assertThat(landed.getLong(2)).as("the live customers").isEqualTo(live);
        }
    }

    @Test
    void shouldExitOneWhenARunFails() throws Exception {
        Path config = SandboxConfig.write(folder, sandbox(), CUSTOMER);
        Files.createDirectories(folder.resolve("warehouse.duckdb"));

        Commands.Outcome outcome = Commands.run("run", "--config", config.toString());

        assertThat(outcome.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(outcome.out()).contains("failed").contains("fix:");
    }

    @Test
    void shouldExitTwoNamingTheLineOfABadConfiguration() throws Exception {
        Path config = SandboxConfig.write(folder, sandbox(), CUSTOMER + "  load_method: upsert\n");

        Commands.Outcome outcome = Commands.run("run", "--config", config.toString());

        assertThat(outcome.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.err()).contains("line 19").contains("load_method").contains("upsert");
        assertNoSecretIn(outcome.all());
    }

    @Test
    void shouldExitTwoForAnUnknownExtractOrAHalfGivenBackfill() throws Exception {
        Path config = SandboxConfig.write(folder, sandbox(), CUSTOMER);

        Commands.Outcome unknown = Commands.run("run", "--config", config.toString(), "custmer");
        Commands.Outcome halfBackfill = Commands.run("run", "--config", config.toString(), "customer",
                "--backfill-from", "2024-01-01");
        Commands.Outcome missing = Commands.run("run", "--config", folder.resolve("absent.yaml").toString());

        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("did you mean customer?");
        assertThat(halfBackfill.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(halfBackfill.err()).contains("--backfill-to");
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("nsbridge init");
    }

    @Test
    void shouldShowEveryExtractInStatusBeforeItsFirstRun() throws Exception {
        Path config = SandboxConfig.write(folder, sandbox(), CUSTOMER + "  schedule: '0 * * * *'\n");

        Commands.Outcome text = Commands.run("status", "--config", config.toString());
        Commands.Outcome json = Commands.run("status", "--config", config.toString(), "--json");

        assertThat(text.code()).as(text.all()).isZero();
        assertThat(text.out()).containsPattern("customer\\s+never").contains("none");
        JsonNode extract = new ObjectMapper().readTree(json.out()).path("extracts").get(0);
        assertThat(extract.path("extract").asText()).isEqualTo("customer");
        assertThat(extract.path("next_run").asText()).endsWith(":00:00Z");
        assertThat(extract.has("last_run")).isFalse();
    }

    @Test
    void shouldShowTheRunAndItsWatermarkInStatus() throws Exception {
        Path config = SandboxConfig.write(folder, sandbox(), CUSTOMER);
        Commands.run("run", "--config", config.toString());

        Commands.Outcome json = Commands.run("status", "--config", config.toString(), "--json");

        JsonNode extract = new ObjectMapper().readTree(json.out()).path("extracts").get(0);
        assertThat(extract.path("last_run").path("status").asText()).isEqualTo("succeeded");
        assertThat(extract.path("last_run").path("rows_written").asLong()).isPositive();
        assertThat(extract.path("state").size()).isPositive();
    }

    private static void assertNoSecretIn(String output) {
        NetSuiteSandbox.Tba tba = sandbox().credentials().tba();
        assertThat(output).doesNotContain(tba.consumerSecret()).doesNotContain(tba.tokenSecret())
                .doesNotContain(tba.consumerKey()).doesNotContain(tba.tokenId());
    }
}
