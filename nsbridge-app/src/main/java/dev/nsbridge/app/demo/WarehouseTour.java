package dev.nsbridge.app.demo;

import dev.nsbridge.app.extract.ExtractOutcome;
import dev.nsbridge.engine.config.ExtractConfig;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The demo's last step: what landed in DuckDB, a few rows, and what the second run changed. */
final class WarehouseTour implements DemoStep {
    private static final int SAMPLE_ROWS = 3;
    private static final int NAME_SAMPLES = 6;

    @Override
    public String title() {
        return "What landed in the warehouse";
    }

    @Override
    public void run(DemoContext context) throws SQLException {
        PrintWriter out = context.out();
        List<List<ExtractOutcome>> runs = context.runs();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + context.warehouse());
             Statement statement = connection.createStatement()) {
            out.printf(Locale.ROOT, "  %-25s %10s %14s %18s%n", "table", "rows", "flagged deleted",
                    "second run wrote");
            for (ExtractConfig extract : context.workspace().config().extracts().values()) {
                String table = extract.destinationTable();
                long rows = count(statement, "SELECT count(*) FROM " + table);
                long deleted = count(statement, "SELECT count(*) FROM " + table + " WHERE _nsbridge_deleted");
                String second = runs.size() < 2 ? "-" : runs.get(runs.size() - 1).stream()
                        .filter(outcome -> outcome.extract().equals(extract.name())).findFirst()
                        .map(outcome -> String.format(Locale.ROOT, "%,d (+%,d del)", outcome.result().counts()
                                .written(), outcome.result().counts().deleted())).orElse("-");
                out.printf(Locale.ROOT, "  %-25s %,10d %14s %18s%n", table, rows, deleted < 0 ? "-"
                        : String.format(Locale.ROOT, "%,d", deleted), second);
            }
            out.println();
            out.println("  customer, " + SAMPLE_ROWS + " most recently changed rows:");
            sample(out, statement, "SELECT id, entityid, email, lastmodifieddate, _nsbridge_extracted_at FROM customer"
                    + " ORDER BY lastmodifieddate DESC LIMIT " + SAMPLE_ROWS);
            out.println();
            out.println("  customer names beyond ASCII, read back from DuckDB:");
            out.println("    " + String.join(" · ", names(statement)));
        }
        out.println();
        out.println("  explore it: duckdb " + context.warehouse() + "   (or any tool that opens DuckDB files)");
    }

    /**
     * A few customers whose names are not plain ASCII (more bytes than characters in UTF-8), as they landed: the
     * first ones and those with the most bytes per character, so accents and other scripts both show.
     */
    private static List<String> names(Statement statement) {
        List<String> names = new ArrayList<>();
        int half = NAME_SAMPLES / 2;
        try (ResultSet result = statement.executeQuery("WITH named AS (SELECT id, name FROM (SELECT id,"
                + " coalesce(companyname, trim(coalesce(firstname, '') || ' ' || coalesce(lastname, ''))) AS name"
                + " FROM customer) WHERE strlen(name) > length(name)) SELECT name FROM ((SELECT id, name FROM named"
                + " ORDER BY id LIMIT " + half + ") UNION (SELECT id, name FROM named"
                + " ORDER BY strlen(name) / length(name) DESC, id LIMIT " + half + ")) ORDER BY id")) {
            while (result.next()) {
                names.add(result.getString(1));
            }
        } catch (SQLException e) {
            names.add("(cannot read names: " + e.getMessage() + ")");
        }
        return names;
    }

    /** -1 where the table or column is not there (a table with no delete flag, for one). */
    private static long count(Statement statement, String sql) {
        try (ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getLong(1) : 0;
        } catch (SQLException absent) {
            return -1;
        }
    }

    private static void sample(PrintWriter out, Statement statement, String sql) {
        try (ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            StringBuilder header = new StringBuilder("   ");
            for (int column = 1; column <= meta.getColumnCount(); column++) {
                header.append(String.format(Locale.ROOT, " %-28s", meta.getColumnLabel(column)));
            }
            out.println(header);
            while (result.next()) {
                StringBuilder line = new StringBuilder("   ");
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    line.append(String.format(Locale.ROOT, " %-28s", result.getString(column)));
                }
                out.println(line);
            }
        } catch (SQLException e) {
            out.println("    (cannot read sample rows: " + e.getMessage() + ")");
        }
    }
}
