package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
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

final class ExtractFilterIT {
    /** Nested parentheses and a quoted ')' and ';': one condition all the same, keeping the lower half of ids. */
    private static final String NARROWING = "id < %d AND (companyname <> 'x) OR (1=1;' OR (companyname IS NULL))";

    @RegisterExtension
    static final LocalNetSuiteExtension NETSUITE = new LocalNetSuiteExtension();

    private static NetSuiteSandbox sandbox() {
        return NETSUITE.sandbox();
    }

    @TempDir
    Path folder;

    private Path config(String filter) throws Exception {
        return SandboxConfig.write(folder, sandbox(), """
                customer:
                  connection: netsuite
                  table: customer
                  destination: warehouse
                  filter: "%s"
                """.formatted(filter));
    }

    private static long count(String where) throws Exception {
        return Long.parseLong(sandbox().account().query("SELECT count(*) AS n FROM customer" + where, List.of(), 0, 1)
                .items().get(0).get("n"));
    }

    @Test
    void shouldLandOnlyTheRowsAFilterWithNestedParenthesesAndQuotedMarkersKeeps() throws Exception {
        Map<String, String> ids = sandbox().account().query("SELECT min(id) AS low, max(id) AS high FROM customer",
                List.of(), 0, 1).items().get(0);
        long middle = (Long.parseLong(ids.get("low")) + Long.parseLong(ids.get("high"))) / 2;
        String filter = NARROWING.formatted(middle);

        Commands.Outcome run = Commands.run("run", "--config", config(filter).toString());

        assertThat(run.code()).as(run.all()).isZero();
        long kept = count(" WHERE " + filter);
        assertThat(kept).isPositive().isLessThan(count(""));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + folder.resolve("warehouse.duckdb"));
             Statement statement = connection.createStatement();
             ResultSet landed = statement.executeQuery("SELECT count(*), max(id) FROM customer")) {
            landed.next();
            assertThat(landed.getLong(1)).isEqualTo(kept);
            assertThat(landed.getLong(2)).isLessThan(middle);
        }
    }

    @Test
    void shouldReadNothingWhenTheFilterWouldCloseTheQuerysOwnCondition() throws Exception {
        Path config = config("id < 200) OR (1=1");
        int line = Files.readAllLines(config).indexOf("    filter: \"id < 200) OR (1=1\"") + 1;

        Commands.Outcome run = Commands.run("run", "--config", config.toString());

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(line).isPositive();
        assertThat(run.all()).contains("line " + line + ": extracts.customer.filter:").contains("closes a parenthesis");
        assertThat(folder.resolve("warehouse.duckdb")).doesNotExist();
    }
}
