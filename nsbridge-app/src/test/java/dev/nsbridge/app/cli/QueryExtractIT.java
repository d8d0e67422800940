package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A joined SuiteQL query extracted into DuckDB with nsbridge run, compared value by value with the sandbox. */
final class QueryExtractIT {
    private static final String ORDER_LINES = """
            SELECT t.id AS tran_id, tl.id AS line_id, t.tranid, i.itemid, i.displayname, tl.quantity,
                   TO_CHAR(tl.linelastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS changed
            FROM transaction t
            JOIN transactionline tl ON tl.transaction = t.id
            JOIN item i ON i.id = tl.item
            WHERE t.type = 'SalesOrd'""";
    private static final List<String> COMPARED = List.of("tran_id", "line_id", "tranid", "itemid", "displayname", "quantity");

    private NetSuiteSandbox sandbox;

    @TempDir
    Path folder;

    @BeforeEach
    void startSandbox() {
        sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.03));
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    private Path config(String name, String settings) throws Exception {
        return SandboxConfig.write(folder, sandbox, extract(name, ORDER_LINES, settings));
    }

    private static String extract(String name, String query, String settings) {
        return name + ":\n  connection: netsuite\n  query: |\n" + query.indent(4) + "  destination: warehouse\n"
                + settings.indent(2);
    }

    /** The sandbox's own answer to the query (with {@code extra} ANDed in), by key, the compared columns as text. */
    private Map<String, List<String>> sandboxRows(String extra) throws Exception {
        Map<String, List<String>> rows = new TreeMap<>();
        for (int offset = 0; ; offset += 1000) {
            List<Map<String, String>> items = sandbox.account().query(ORDER_LINES + extra, List.of(), offset, 1000)
                    .items();
            for (Map<String, String> item : items) {
                List<String> values = new ArrayList<>();
                COMPARED.forEach(column -> values.add(normal(item.get(column))));
                rows.put(item.get("tran_id") + "/" + item.get("line_id"), values);
            }
            if (items.size() < 1000) {
                return rows;
            }
        }
    }

    /** The warehouse table by key; a key landed twice fails. */
    private Map<String, List<String>> landed(String table) throws Exception {
        Map<String, List<String>> rows = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + folder.resolve("warehouse.duckdb"));
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT " + String.join(", ", COMPARED) + " FROM " + table)) {
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= COMPARED.size(); i++) {
                    values.add(normal(result.getString(i)));
                }
                assertThat(rows.put(values.get(0) + "/" + values.get(1), values)).as("landed twice").isNull();
            }
        }
        return rows;
    }

    /** Numbers compared as numbers (DuckDB writes 2 as 2.0000 in a decimal column), the rest as text. */
    private static String normal(String value) {
        if (value != null && value.matches("-?\\d+(\\.\\d+)?")) {
            return new BigDecimal(value).stripTrailingZeros().toPlainString();
        }
        return value;
    }

    private String sandboxNow() {
        return "TIMESTAMP '" + LocalDateTime.ofInstant(sandbox.clock().instant(), ZoneId.of("America/Los_Angeles"))
                .truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")) + "'";
    }

    @Test
    void shouldExtractAJoinedQueryThenOnlyItsChangesMergedOnTheUniqueKey() throws Exception {
        Path config = config("order_lines", "unique_key: [tran_id, line_id]\nincremental_key: changed\n");

        Commands.Outcome first = Commands.run("run", "--config", config.toString());

        assertThat(first.code()).as(first.all()).isZero();
        assertThat(landed("order_lines")).isEqualTo(sandboxRows(" AND tl.linelastmodifieddate IS NOT NULL"))
                .hasSizeGreaterThan(100);

        sandbox.clock().advance(Duration.ofMinutes(2)); // within the 5 minutes a TBA signature may be off
        sandbox.account().executeAdmin("UPDATE transactionline SET quantity = quantity + 1000,"
                + " linelastmodifieddate = " + sandboxNow() + " WHERE transaction IN (SELECT id FROM transaction"
                + " WHERE type = 'SalesOrd' ORDER BY id FETCH FIRST 3 ROWS ONLY)");
        Commands.Outcome second = Commands.run("run", "--config", config.toString());

        assertThat(second.code()).as(second.all()).isZero();
        Map<String, List<String>> now = sandboxRows(" AND tl.linelastmodifieddate IS NOT NULL");
        assertThat(now.values()).anyMatch(row -> new BigDecimal(row.get(5)).compareTo(BigDecimal.valueOf(900)) > 0);
        assertThat(landed("order_lines")).isEqualTo(now);
    }

    @Test
    void shouldLandTheQueryWithEveryLoadMethod() throws Exception {
        String keys = "unique_key: [tran_id, line_id]\n";
        SandboxConfig.write(folder, sandbox, extract("merged", ORDER_LINES, keys + "incremental_key: changed\n")
                + extract("appended", ORDER_LINES, keys + "incremental_key: changed\nload_method: append\n")
                + extract("truncated", ORDER_LINES, keys + "mode: full\nload_method: truncate_load\n")
                + extract("rebuilt", ORDER_LINES, keys + "mode: full\nload_method: drop_create_load\n"));

        Commands.Outcome run = Commands.run("run", "--config", folder.resolve("nsbridge.yaml").toString());

        assertThat(run.code()).as(run.all()).isZero();
        Map<String, List<String>> dated = sandboxRows(" AND tl.linelastmodifieddate IS NOT NULL");
        Map<String, List<String>> all = sandboxRows("");
        assertThat(landed("merged")).isEqualTo(dated);
        assertThat(landed("appended")).isEqualTo(dated);
        assertThat(landed("truncated")).isEqualTo(all);
        assertThat(landed("rebuilt")).isEqualTo(all);
    }

    @Test
    void shouldNameTheExtractAndWhatToFixForEachBadQuery() throws Exception {
        assertRefused("unique_key: [tran_id, lineid]\nmode: full\n", ORDER_LINES,
                "extracts.bad", "'lineid'", "did you mean line_id?");
        assertRefused("unique_key: [id]\nmode: full\n", "SELECT id FROM customer; DELETE FROM customer",
                "extracts.bad.query", "more than one statement");
        assertRefused("unique_key: [id]\nmode: full\n", "SELECT id FROM nosuchrecord",
                "extracts.bad.query", "NetSuite refused", "nosuchrecord");
        assertRefused("mode: full\n", ORDER_LINES, "extracts.bad.unique_key", "is required for a query");
        assertRefused("unique_key: [tran_id, line_id]\nincremental_key: tranid\n", ORDER_LINES,
                "extracts.bad.query", "incremental key tranid", "TO_CHAR(");
    }

    private void assertRefused(String settings, String query, String... words) throws Exception {
        SandboxConfig.write(folder, sandbox, extract("bad", query, settings));

        Commands.Outcome run = Commands.run("run", "--config", folder.resolve("nsbridge.yaml").toString());

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.all()).contains(words);
    }
}
