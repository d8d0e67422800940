package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import dev.nsbridge.testsupport.PostgresServer;
import dev.nsbridge.testsupport.PostgresServers;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's tie-out as a user meets it: the accounting lines, transactions and transaction lines extracted from
 * the local NetSuite into DuckDB and PostgreSQL, then a row deleted or an amount changed in the warehouse behind
 * nsbridge's back, and the next run failing with the period, subsidiary and amount of that row, in the run's
 * summary and in {@code nsbridge status}. Expected figures are read from the warehouse before it is tampered with.
 */
@ExtendWith(PostgresServers.class)
final class LedgerTieOutIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXTRACTS = """
            transaction: {connection: netsuite, table: transaction, mode: full, destination: warehouse}
            transactionline: {connection: netsuite, table: transactionline, destination: warehouse}
            ledger_lines: {connection: netsuite, table: transactionaccountingline, destination: warehouse%s}
            """;
    private static NetSuiteSandbox netSuite;

    @TempDir
    Path folder;

    @BeforeAll
    static void startNetSuite() throws Exception {
        netSuite = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.02));
    }

    @AfterAll
    static void stopNetSuite() {
        netSuite.close();
    }

    /** One accounting line as the warehouse holds it, with the period and subsidiary it is tied out under. */
    private record LandedLine(long transaction, long line, long period, long subsidiary, BigDecimal debit,
                              BigDecimal credit) {
        String group() {
            return "period " + period + ", subsidiary " + subsidiary;
        }
    }

    @Test
    void shouldTieOutACleanRunInDuckDbAndPostgres(PostgresServer postgres) throws Exception {
        for (Warehouse warehouse : new Warehouse[] {duckDb(), postgres(postgres)}) {
            Path config = config(warehouse, "");

            Commands.Outcome run = Commands.run("run", "-c", config.toString());

            assertThat(run.code()).as(run.all()).isZero();
            assertThat(run.out()).as(warehouse.name()).contains("ledger ties out with NetSuite")
                    .doesNotContain("out of balance");
            assertThat(lastRun(config).path("status").asText()).isEqualTo("succeeded");
        }
    }

    @Test
    void shouldFailTheNextRunWithThePeriodSubsidiaryAndAmountOfALineDeletedInDuckDb() throws Exception {
        shouldCatchALineDeletedBehindNsbridgesBack(duckDb());
    }

    @Test
    void shouldFailTheNextRunWithThePeriodSubsidiaryAndAmountOfALineDeletedInPostgres(PostgresServer postgres)
            throws Exception {
        shouldCatchALineDeletedBehindNsbridgesBack(postgres(postgres));
    }

    @Test
    void shouldFailTheNextRunWithTheAmountChangedInDuckDb() throws Exception {
        shouldCatchAnAmountChangedBehindNsbridgesBack(duckDb());
    }

    @Test
    void shouldFailTheNextRunWithTheAmountChangedInPostgres(PostgresServer postgres) throws Exception {
        shouldCatchAnAmountChangedBehindNsbridgesBack(postgres(postgres));
    }

    @Test
    void shouldLeaveTheRunAloneWhenTheTieOutIsTurnedOff() throws Exception {
        Warehouse warehouse = duckDb();
        Path config = config(warehouse, ", tie_out: false");
        assertThat(Commands.run("run", "-c", config.toString()).code()).isZero();
        LandedLine line = aDebitLine(warehouse);
        warehouse.execute("DELETE FROM ledger_lines WHERE \"transaction\" = " + line.transaction()
                + " AND transactionline = " + line.line());

        Commands.Outcome run = Commands.run("run", "-c", config.toString());

        assertThat(run.code()).as(run.all()).isZero();
        assertThat(run.out()).doesNotContain("ledger ties out").doesNotContain("out of balance");
    }

    /**
     * The sandbox's activity (new and changed orders and invoices, lines removed, orders deleted) runs while the
     * extracts read and the tie-out asks: a group that moved meanwhile must not fail the run, and each run must tie
     * out. An account of its own, since this one changes.
     */
    @Test
    void shouldNotFailRunsWhileNetSuiteChangesUnderThem() throws Exception {
        try (NetSuiteSandbox changing = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.02))) {
            Path home = Files.createDirectories(folder.resolve("changing"));
            Path config = Files.writeString(home.resolve("nsbridge.yaml"), "connections:\n"
                    + SandboxConfig.netSuite(changing) + duckDb().connection() + "extracts:\n"
                    + EXTRACTS.formatted("").indent(2));
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger rounds = new AtomicInteger();
            Thread activity = new Thread(() -> {
                // A few changes every half second: a busy account, at a pace a live one keeps.
                while (running.get()) {
                    changing.account().simulateActivity(5);
                    rounds.incrementAndGet();
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            activity.start();
            try {
                for (int run = 0; run < 3; run++) {
                    Commands.Outcome outcome = Commands.run("run", "-c", config.toString());

                    assertThat(outcome.code()).as(outcome.all()).isZero();
                    assertThat(outcome.out()).contains("ledger ties out with NetSuite");
                }
            } finally {
                running.set(false);
                activity.join();
            }
            assertThat(rounds.get()).as("rounds of activity while the runs ran").isGreaterThan(1);
        }
    }

    private void shouldCatchALineDeletedBehindNsbridgesBack(Warehouse warehouse) throws Exception {
        Path config = config(warehouse, "");
        assertThat(Commands.run("run", "-c", config.toString()).code()).isZero();
        LandedLine line = aDebitLine(warehouse);
        warehouse.execute("DELETE FROM ledger_lines WHERE \"transaction\" = " + line.transaction()
                + " AND transactionline = " + line.line());

        Commands.Outcome run = Commands.run("run", "-c", config.toString());

        String expected = line.group() + ": lines -1, debit " + cents(line.debit().negate()) + ", credit 0.00";
        assertOutOfBalance(config, run, expected);
    }

    private void shouldCatchAnAmountChangedBehindNsbridgesBack(Warehouse warehouse) throws Exception {
        Path config = config(warehouse, "");
        assertThat(Commands.run("run", "-c", config.toString()).code()).isZero();
        LandedLine line = aDebitLine(warehouse);
        warehouse.execute("UPDATE ledger_lines SET debit = debit + 10.25 WHERE \"transaction\" = "
                + line.transaction() + " AND transactionline = " + line.line());

        Commands.Outcome run = Commands.run("run", "-c", config.toString());

        assertOutOfBalance(config, run, line.group() + ": lines +0, debit +10.25, credit 0.00");
    }

    private static void assertOutOfBalance(Path config, Commands.Outcome run, String expected) throws Exception {
        assertThat(run.code()).as(run.all()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).contains("ledger out of balance with NetSuite in 1 of").contains(expected);
        JsonNode last = lastRun(config);
        assertThat(last.path("status").asText()).isEqualTo("failed");
        assertThat(last.path("error_code").asText()).isEqualTo("LEDGER_OUT_OF_BALANCE");
        assertThat(last.path("message").asText()).contains(expected);
        Commands.Outcome status = Commands.run("status", "-c", config.toString());
        assertThat(status.out()).containsPattern("ledger_lines\\s+\\S+\\s+failed").contains(expected);
    }

    /** An amount as a message writes it: at its own scale, and at least to the cent. */
    private static String cents(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
    }

    private static JsonNode lastRun(Path config) throws Exception {
        Commands.Outcome status = Commands.run("status", "-c", config.toString(), "--json");
        for (JsonNode extract : JSON.readTree(status.out()).path("extracts")) {
            if (extract.path("extract").asText().equals("ledger_lines")) {
                return extract.path("last_run");
            }
        }
        throw new AssertionError("no ledger_lines in " + status.out());
    }

    /** A landed accounting line with a debit, as the warehouse joins it to its period and subsidiary. */
    private static LandedLine aDebitLine(Warehouse warehouse) throws SQLException {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT tal.\"transaction\", tal.transactionline,"
                     + " t.postingperiod, tl.subsidiary, tal.debit, tal.credit FROM ledger_lines tal"
                     + " JOIN \"transaction\" t ON t.id = tal.\"transaction\" JOIN transactionline tl"
                     + " ON tl.\"transaction\" = tal.\"transaction\" AND tl.id = tal.transactionline"
                     + " WHERE tal.debit > 0 ORDER BY tal.\"transaction\", tal.transactionline LIMIT 1")) {
            assertThat(rows.next()).as("a landed accounting line with a debit").isTrue();
            return new LandedLine(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4),
                    rows.getBigDecimal(5), rows.getBigDecimal(6) == null ? BigDecimal.ZERO : rows.getBigDecimal(6));
        }
    }

    /** A configuration in a folder of its own per warehouse, so each keeps its own state and history. */
    private Path config(Warehouse warehouse, String tieOut) throws Exception {
        Path home = Files.createDirectories(folder.resolve(warehouse.name()));
        return Files.writeString(home.resolve("nsbridge.yaml"), "connections:\n"
                + SandboxConfig.netSuite(netSuite) + warehouse.connection() + "extracts:\n"
                + EXTRACTS.formatted(tieOut).indent(2));
    }

    /** A warehouse the test writes to as nsbridge does and tampers with as nsbridge does not. */
    private record Warehouse(String name, String connection, String url, String user, String password) {
        Connection connect() throws SQLException {
            return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
        }

        void execute(String sql) throws SQLException {
            try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
                assertThat(statement.executeUpdate()).as(sql).isEqualTo(1);
            }
        }
    }

    private Warehouse duckDb() {
        Path file = folder.resolve("warehouse.duckdb");
        return new Warehouse("duckdb", """
                  warehouse:
                    type: duckdb
                    path: "%s"
                """.formatted(file), "jdbc:duckdb:" + file, null, null);
    }

    private static Warehouse postgres(PostgresServer postgres) throws SQLException {
        String url = postgres.createDatabase();
        return new Warehouse("postgres", """
                  warehouse:
                    type: postgres
                    url: "%s"
                    user: %s
                    password: "%s"
                """.formatted(url, PostgresServer.USER, EncryptedValue.of("connections.warehouse.password",
                PostgresServer.PASSWORD.reveal())), url, PostgresServer.USER, PostgresServer.PASSWORD.reveal());
    }
}
