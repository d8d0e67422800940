package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.app.demo.SandboxContacts;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nsbridge demo} as a person runs it: its own JVM, here under the POSIX locale of containers and CI, where
 * Java 17 would print every character beyond ASCII as '?'.
 */
final class DemoCommandIT {
    private static final String NAMES = "customer names beyond ASCII, read back from DuckDB:";

    @TempDir
    Path folder;

    @Test
    void shouldRunEveryLoadMethodThenAnIncrementalRunAndPrintWhatLandedNamesIncludedInAnyLocale() throws Exception {
        Path duckdb = folder.resolve("demo.duckdb");

        SandboxContacts expected = contactsAfterTheDemosActivity();

        Run run = runInPosixLocale("demo", "--scale", "0.02", "--changes", "40", "--duckdb",
                duckdb.toString());

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("First run").contains("Second run").contains("What landed")
                .contains("merge").contains("truncate_load").contains("drop_create_load").contains("append")
                .containsPattern("customer\\s+[0-9,]+").contains("done: the tables are in " + duckdb);
        List<String> lines = run.out().lines().toList();
        int heading = lines.indexOf("  " + NAMES);
        assertThat(heading).as(run.out()).isNotNegative();
        List<String> printed = List.of(lines.get(heading + 1).strip().split(" · "));
        Set<String> landed = customerNames(duckdb);
        assertThat(printed).isNotEmpty().allSatisfy(name -> {
            assertThat(name.chars()).as(name).anyMatch(c -> c > 127);
            assertThat(landed).as("the names in DuckDB").contains(name);
        });
        assertEveryReachableCustomerWasSent(run.out(), expected);
        assertTheTrialBalanceIsTheLandedLedgerAndTiedOut(run.out(), duckdb);
    }

    /**
     * The trial balance printed is the one DuckDB holds: its totals are the posting lines' debits and credits summed
     * here, every period balances (the local NetSuite keeps balanced books) and says so, and the last run's tie-out
     * against NetSuite passed.
     */
    private static void assertTheTrialBalanceIsTheLandedLedgerAndTiedOut(String out, Path duckdb) throws Exception {
        assertThat(out).contains("The general ledger: a trial balance by period")
                .contains("tie-out of the last run: ledger ties out with NetSuite");
        BigDecimal debit;
        BigDecimal credit;
        long periods;
        long unbalanced;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + duckdb);
             ResultSet rows = connection.createStatement().executeQuery("SELECT sum(d), sum(c), count(*),"
                     + " count(*) FILTER (WHERE d <> c) FROM (SELECT t.postingperiod, coalesce(sum(tal.debit), 0) AS d,"
                     + " coalesce(sum(tal.credit), 0) AS c FROM transactionaccountingline tal JOIN \"transaction\" t"
                     + " ON t.id = tal.\"transaction\" WHERE tal.posting AND NOT tal._nsbridge_deleted"
                     + " AND NOT t._nsbridge_deleted GROUP BY t.postingperiod)")) {
            rows.next();
            debit = rows.getBigDecimal(1);
            credit = rows.getBigDecimal(2);
            periods = rows.getLong(3);
            unbalanced = rows.getLong(4);
        }
        assertThat(periods).as("posting periods in the landed ledger").isPositive();
        Matcher total = Pattern.compile("total\\s+[0-9,]+\\s+([0-9,.]+)\\s+([0-9,.]+)\\s+(balanced|OUT OF BALANCE)")
                .matcher(out);
        assertThat(total.find()).as(out).isTrue();
        assertThat(new BigDecimal(total.group(1).replace(",", ""))).isEqualByComparingTo(debit);
        assertThat(new BigDecimal(total.group(2).replace(",", ""))).isEqualByComparingTo(credit);
        assertThat(unbalanced).as("periods whose debits and credits differ in DuckDB").isZero();
        assertThat(debit).isEqualByComparingTo(credit);
        assertThat(out.lines().filter(line -> line.endsWith("out of balance"))).as(out).isEmpty();
        assertThat(total.group(3)).isEqualTo("balanced");
    }

    /**
     * The sandbox the demo starts (its defaults at scale 0.02) as the Klaviyo step reads it, after the demo's 40
     * changes: the generator and the activity are seeded, so this one holds the same customers.
     */
    private static SandboxContacts contactsAfterTheDemosActivity() throws Exception {
        try (NetSuiteSandbox sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.02))) {
            sandbox.account().simulateActivity(40);
            return SandboxContacts.of(sandbox, "US");
        }
    }

    /** The customers flow sent every customer with a usable email or phone, refused only those with neither. */
    private static void assertEveryReachableCustomerWasSent(String out, SandboxContacts expected) {
        Matcher customers = Pattern.compile("flow customers: succeeded, read \\d+, sent (\\d+), refused (\\d+)")
                .matcher(out);
        Matcher warned = Pattern.compile("customers sent with a warning\\s+(\\d+)").matcher(out);
        assertThat(customers.find()).as(out).isTrue();
        assertThat(warned.find()).as(out).isTrue();
        assertThat(expected.warned()).as("customers the sandbox holds with one bad contact field").isPositive();
        assertThat(Long.parseLong(customers.group(1))).as("sent").isEqualTo(expected.reachable());
        assertThat(Long.parseLong(customers.group(2))).as("refused").isEqualTo(expected.unreachable());
        assertThat(Long.parseLong(warned.group(1))).as("sent with a warning").isEqualTo(expected.warned());
    }

    private record Run(int code, String out, String err) {
    }

    /** Runs nsbridge in a new JVM with no locale set (POSIX) and reads what it printed as UTF-8, strictly. */
    private Run runInPosixLocale(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-cp", System.getProperty("java.class.path"), "dev.nsbridge.app.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(folder.resolve("out.txt").toFile()).redirectError(folder.resolve("err.txt").toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.equals("LANG") || name.equals("LANGUAGE") || name.startsWith("LC_"));
        environment.put("LC_ALL", "C");
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the demo finished").isTrue();
        return new Run(process.exitValue(), utf8(folder.resolve("out.txt")), utf8(folder.resolve("err.txt")));
    }

    private static String utf8(Path file) throws Exception {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    }

    /** Each customer's company name, or first and last name, as DuckDB holds them. */
    private static Set<String> customerNames(Path duckdb) throws Exception {
        Set<String> names = new HashSet<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + duckdb);
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT companyname, firstname, lastname FROM customer")) {
            while (rows.next()) {
                names.add(rows.getString(1) != null ? rows.getString(1)
                        : rows.getString(2) + " " + rows.getString(3));
            }
        }
        return names;
    }
}
