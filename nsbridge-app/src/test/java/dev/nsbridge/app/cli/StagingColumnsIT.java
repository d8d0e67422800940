package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import dev.nsbridge.testsupport.PostgresServer;
import dev.nsbridge.testsupport.PostgresServers;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The columns the open dbt_netsuite package's NetSuite2 staging models select (every table, name and declared type
 * of its {@code get_*_columns} macros, kept as data in {@code netsuite2-staging-columns.csv}) are all in the tables
 * nsbridge lands from the local NetSuite with {@code load_metadata: fivetran}, in DuckDB and in PostgreSQL. The package
 * turns a missing column into NULL without a word, so this is the check that its statements would not come out empty.
 */
@ExtendWith(PostgresServers.class)
final class StagingColumnsIT {
    private static final String COLUMNS = "/dev/nsbridge/app/warehouse-models/netsuite2-staging-columns.csv";
    /** The package's declared types and the engines' spellings of a type that holds them, as information_schema shows. */
    private static final Map<String, List<String>> COMPATIBLE = Map.of(
            "string", List.of("varchar", "text", "character varying"),
            "integer", List.of("bigint", "integer"),
            "decimal", List.of("decimal", "numeric"),
            "timestamp", List.of("timestamp", "timestamp with time zone", "timestamp without time zone"),
            "boolean", List.of("boolean"));

    @TempDir
    static Path folder;
    private static NetSuiteSandbox sandbox;
    private static String postgresUrl;
    private static List<StagingColumn> staging;

    @BeforeAll
    static void landEveryStagingTableInBothWarehouses(PostgresServer postgres) throws Exception {
        sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.02));
        postgresUrl = postgres.createDatabase();
        staging = stagingColumns();
        Set<String> tables = staging.stream().map(StagingColumn::table).collect(Collectors.toCollection(
                LinkedHashSet::new));
        String extracts = tables.stream().map(table -> extract("duckdb", table) + extract("postgres", table))
                .collect(Collectors.joining());
        Path config = Files.writeString(folder.resolve("nsbridge.yaml"), "connections:\n"
                + SandboxConfig.netSuite(sandbox) + """
                  duckdb:
                    type: duckdb
                    path: warehouse.duckdb
                    load_metadata: fivetran
                  postgres:
                    type: postgres
                    url: "%s"
                    user: %s
                    password: "%s"
                    load_metadata: fivetran
                extracts:
                %s""".formatted(postgresUrl, PostgresServer.USER,
                EncryptedValue.of("connections.postgres.password", PostgresServer.PASSWORD.reveal()),
                extracts.indent(2)));

        Commands.Outcome run = Commands.run("run", "--config", config.toString());

        assertThat(run.code()).as(run.all()).isZero();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void shouldLandEveryStagingColumnWithACompatibleTypeInDuckDb() throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + folder.resolve("warehouse.duckdb"))) {
            assertEveryStagingColumnLanded(duckdb);
        }
    }

    @Test
    void shouldLandEveryStagingColumnWithACompatibleTypeInPostgres() throws Exception {
        try (Connection postgres = DriverManager.getConnection(postgresUrl, PostgresServer.USER,
                PostgresServer.PASSWORD.reveal())) {
            assertEveryStagingColumnLanded(postgres);
        }
    }

    private static String extract(String warehouse, String table) {
        return """
                %s_%s:
                  connection: netsuite
                  table: %s
                  destination: %s
                  destination_table: %s
                """.formatted(warehouse, table, table, warehouse, table);
    }

    private static void assertEveryStagingColumnLanded(Connection warehouse) throws SQLException {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, String>> landed = new HashMap<>();
        for (StagingColumn column : staging) {
            String type = landed.computeIfAbsent(column.table(), table -> landedColumns(warehouse, table))
                    .get(column.column());
            if (type == null) {
                problems.add(column.table() + "." + column.column() + " (" + column.type() + "): missing");
            } else if (!compatible(column.type(), type)) {
                problems.add(column.table() + "." + column.column() + " (" + column.type() + "): landed as " + type);
            }
        }
        assertThat(problems).as("staging columns missing or mistyped in " + warehouse.getMetaData()
                .getDatabaseProductName() + " (" + problems.size() + " of " + staging.size() + ")").isEmpty();
    }

    /** A type matches when the stored type, without its precision, is one of the declared type's spellings. */
    private static boolean compatible(String declared, String stored) {
        String bare = stored.toLowerCase(Locale.ROOT).replaceAll("\\(.*\\)", "").strip();
        return COMPATIBLE.getOrDefault(declared, List.of()).contains(bare);
    }

    private static Map<String, String> landedColumns(Connection warehouse, String table) {
        Map<String, String> columns = new HashMap<>();
        try (PreparedStatement statement = warehouse.prepareStatement("SELECT column_name, data_type FROM"
                + " information_schema.columns WHERE table_name = ? AND table_schema = current_schema()")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.put(rows.getString(1).toLowerCase(Locale.ROOT), rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(table, e);
        }
        return columns;
    }

    /** The data file, read by DuckDB's own CSV reader. */
    private static List<StagingColumn> stagingColumns() throws Exception {
        URL resource = StagingColumnsIT.class.getResource(COLUMNS);
        assertThat(resource).as(COLUMNS).isNotNull();
        String file = Path.of(resource.toURI()).toString().replace("'", "''");
        List<StagingColumn> columns = new ArrayList<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement();
             ResultSet rows = statement.executeQuery("SELECT \"table\", \"column\", \"type\" FROM read_csv('" + file
                     + "', header = true, all_varchar = true) ORDER BY 1, 2")) {
            while (rows.next()) {
                columns.add(new StagingColumn(rows.getString(1), rows.getString(2), rows.getString(3)));
            }
        }
        assertThat(columns).as(COLUMNS).isNotEmpty();
        return columns;
    }

    private record StagingColumn(String table, String column, String type) {
    }
}
