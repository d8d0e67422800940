package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A custom record type discovered with nsbridge discover and extracted with table: like a standard table. */
final class CustomRecordExtractIT {
    private static final String TIERS = "customrecord_loyalty_tier";
    @RegisterExtension
    static final LocalNetSuiteExtension NETSUITE = new LocalNetSuiteExtension();

    private static NetSuiteSandbox sandbox() {
        return NETSUITE.sandbox();
    }

    @TempDir
    Path folder;

    @Test
    void shouldListTheAccountsCustomRecordTypesAndTheirFields() throws Exception {
        Path config = SandboxConfig.write(folder, sandbox(), "");

        Commands.Outcome list = Commands.run("discover", "--config", config.toString());
        Commands.Outcome table = Commands.run("discover", "--config", config.toString(), "--table", TIERS, "--json");

        assertThat(list.code()).as(list.all()).isZero();
        assertThat(list.out()).containsPattern(TIERS + "\\s+id\\s+lastmodified");
        assertThat(table.code()).as(table.all()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) sandbox().account().recordSchema(TIERS).orElseThrow()
                .get("properties");
        List<String> fields = new ArrayList<>();
        new ObjectMapper().readTree(table.out()).path("columns").forEach(c -> fields.add(c.path("name").asText()));
        assertThat(fields).contains("id", "lastmodified")
                .containsAll(properties.keySet().stream().filter(n -> n.startsWith("custrecord")).toList());
    }

    @Test
    void shouldExtractACustomRecordTableAsTheSandboxHoldsIt() throws Exception {
        Path config = SandboxConfig.write(folder, sandbox(), """
                tiers:
                  connection: netsuite
                  table: customrecord_loyalty_tier
                  destination: warehouse
                """);

        Commands.Outcome run = Commands.run("run", "--config", config.toString());

        assertThat(run.code()).as(run.all()).isZero();
        Map<String, String> expected = new TreeMap<>();
        sandbox().account().query("SELECT id, name, custrecord_lt_color FROM " + TIERS, List.of(), 0, 1000).items()
                .forEach(item -> expected.put(item.get("id"), item.get("name") + "|" + item.get("custrecord_lt_color")));
        Map<String, String> landed = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + folder.resolve("warehouse.duckdb"));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, name, custrecord_lt_color FROM tiers")) {
            while (rows.next()) {
                landed.put(rows.getString(1), rows.getString(2) + "|" + rows.getString(3));
            }
        }
        assertThat(landed).isEqualTo(expected).isNotEmpty();
    }
}
