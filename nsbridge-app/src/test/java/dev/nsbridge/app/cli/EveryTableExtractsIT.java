package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.netsuite.catalog.NetSuiteTables;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every standard table nsbridge lists extracts from the local NetSuite into DuckDB, in full and then incrementally. */
final class EveryTableExtractsIT {
    @RegisterExtension
    static final LocalNetSuiteExtension NETSUITE = new LocalNetSuiteExtension();

    private static NetSuiteSandbox sandbox() {
        return NETSUITE.sandbox();
    }

    @TempDir
    Path folder;

    @Test
    void shouldExtractEveryListedTableInFullThenIncrementallyWithAllItsRowsAndColumns() throws Exception {
        List<StreamDescriptor> tables = NetSuiteTables.all();
        Path config = SandboxConfig.write(folder, sandbox(), tables.stream().map(table -> """
                %s:
                  connection: netsuite
                  table: %s
                  destination: warehouse
                """.formatted(table.name(), table.name())).collect(Collectors.joining()));

        Commands.Outcome full = Commands.run("run", "--config", config.toString(), "--full-refresh");
        assertThat(full.code()).as(full.all()).isZero();
        assertLanded(tables);

        Commands.Outcome incremental = Commands.run("run", "--config", config.toString());
        assertThat(incremental.code()).as(incremental.all()).isZero();
        assertLanded(tables);
    }

    private void assertLanded(List<StreamDescriptor> tables) throws Exception {
        try (Connection warehouse = DriverManager.getConnection("jdbc:duckdb:" + folder.resolve("warehouse.duckdb"))) {
            for (StreamDescriptor table : tables) {
                assertThat(landedColumns(warehouse, table.name())).as(table.name()).containsAll(
                        table.columns().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
                assertThat(landedRows(warehouse, table.name())).as(table.name()).isEqualTo(sandboxRows(table.name()));
            }
        }
    }

    private static long sandboxRows(String table) throws Exception {
        return Long.parseLong(sandbox().account().query("SELECT COUNT(*) AS n FROM " + table, List.of(), 0, 1).items()
                .get(0).get("n"));
    }

    private static Set<String> landedColumns(Connection warehouse, String table) throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement statement = warehouse.prepareStatement(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    private static long landedRows(Connection warehouse, String table) throws SQLException {
        try (Statement statement = warehouse.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
