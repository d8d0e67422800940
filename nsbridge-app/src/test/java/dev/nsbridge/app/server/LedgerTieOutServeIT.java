package dev.nsbridge.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's tie-out on the server: runs started over the API tie out, and after a line is deleted from the
 * warehouse behind nsbridge's back the next run is failed in the run history the web UI lists, with the period,
 * subsidiary and amount, and the metrics endpoint's tie-out gauges show the difference.
 */
final class LedgerTieOutServeIT {
    private static final String LEDGER = "ledger_lines";

    @TempDir
    Path folder;
    private ServeFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void shouldFailTheRunInTheHistoryAndShowTheDifferenceInTheMetrics() throws Exception {
        fixture = new ServeFixture(folder, "0 3 1 1 *");
        String config = Files.readString(fixture.config);
        Files.writeString(fixture.config, config.replace("extracts:\n", """
                extracts:
                  transaction: {connection: netsuite, table: transaction, mode: full, destination: warehouse}
                  transactionline: {connection: netsuite, table: transactionline, destination: warehouse}
                  %s: {connection: netsuite, table: transactionaccountingline, destination: warehouse}
                """.formatted(LEDGER)));
        fixture.start(false);
        for (String pipeline : new String[] {"transaction", "transactionline", LEDGER}) {
            assertThat(fixture.post("/api/pipelines/" + pipeline + "/run").statusCode()).isEqualTo(202);
            fixture.awaitIdle();
        }
        assertThat(lastRun().path("status").asText()).isEqualTo("succeeded");
        assertThat(fixture.get("/metrics").body())
                .contains("nsbridge_ledger_tieout_failed{pipeline=\"" + LEDGER + "\"} 0.0");

        String group = deleteADebitLine(folder.resolve("warehouse/nsbridge.duckdb"));
        assertThat(fixture.post("/api/pipelines/" + LEDGER + "/run").statusCode()).isEqualTo(202);
        fixture.awaitIdle();

        JsonNode failed = lastRun();
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("errorCode").asText()).isEqualTo("LEDGER_OUT_OF_BALANCE");
        assertThat(failed.path("message").asText()).contains(group + ": lines -1, debit -");
        assertThat(fixture.get("/metrics").body())
                .contains("nsbridge_ledger_tieout_failed{pipeline=\"" + LEDGER + "\"} 1.0")
                .contains("nsbridge_ledger_tieout_groups_out_of_balance{pipeline=\"" + LEDGER + "\"} 1.0")
                .contains("nsbridge_ledger_tieout_difference{measure=\"lines\",pipeline=\"" + LEDGER + "\"} 1.0")
                .contains("nsbridge_runs_total{pipeline=\"" + LEDGER + "\",status=\"failed\"} 1.0");
    }

    private JsonNode lastRun() throws Exception {
        return fixture.json(fixture.get("/api/runs?pipeline=" + LEDGER + "&limit=1")).get(0);
    }

    /** Deletes one landed accounting line with a debit and answers its group as a message names it. */
    private static String deleteADebitLine(Path duckdb) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + duckdb);
             Statement statement = connection.createStatement()) {
            long transaction;
            long line;
            String group;
            try (ResultSet rows = statement.executeQuery("SELECT tal.\"transaction\", tal.transactionline,"
                    + " t.postingperiod, tl.subsidiary FROM " + LEDGER + " tal JOIN \"transaction\" t"
                    + " ON t.id = tal.\"transaction\" JOIN transactionline tl ON tl.\"transaction\" = tal.\"transaction\""
                    + " AND tl.id = tal.transactionline WHERE tal.debit > 0 ORDER BY 1, 2 LIMIT 1")) {
                assertThat(rows.next()).isTrue();
                transaction = rows.getLong(1);
                line = rows.getLong(2);
                group = "period " + rows.getLong(3) + ", subsidiary " + rows.getLong(4);
            }
            assertThat(statement.executeUpdate("DELETE FROM " + LEDGER + " WHERE \"transaction\" = " + transaction
                    + " AND transactionline = " + line)).isEqualTo(1);
            return group;
        }
    }
}
