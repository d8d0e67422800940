package dev.nsbridge.app.demo;

import dev.nsbridge.app.extract.ExtractOutcome;
import dev.nsbridge.app.ledger.LedgerExtracts;
import dev.nsbridge.app.ledger.TieOut;
import dev.nsbridge.app.ledger.TrialBalance;
import dev.nsbridge.engine.config.ExtractConfig;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The demo's ledger: a trial balance by period read back from DuckDB, and how the last run's tie-out against the
 * sandbox NetSuite came out.
 */
final class LedgerTour implements DemoStep {
    private static final String ACCOUNTING_LINES = "transactionaccountingline";
    private static final String PERIODS = "accountingperiod";

    @Override
    public String title() {
        return "The general ledger: a trial balance by period, tied out with NetSuite";
    }

    @Override
    public void run(DemoContext context) throws SQLException {
        PrintWriter out = context.out();
        Optional<ExtractConfig> accountingLines = extractOf(context, ACCOUNTING_LINES);
        Optional<LedgerExtracts> ledger = accountingLines.flatMap(extract -> LedgerExtracts.tiedOutBy(
                context.workspace().config(), extract.name()));
        Optional<ExtractConfig> periods = extractOf(context, PERIODS);
        if (ledger.isEmpty() || periods.isEmpty()) {
            throw new IllegalStateException("the demo's configuration lands no ledger: it needs extracts of "
                    + ACCOUNTING_LINES + ", transaction, transactionline and " + PERIODS);
        }
        TrialBalance balance;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + context.warehouse())) {
            balance = TrialBalance.read(connection, ledger.get(), periods.get().destinationTable());
        }
        out.println("  posting accounting lines by posting period, from " + context.warehouse().getFileName() + ":");
        balance.print(out, "    ");
        out.println();
        Optional<TieOut> tieOut = context.lastRun().orElse(List.of()).stream()
                .filter(outcome -> outcome.extract().equals(accountingLines.get().name()))
                .findFirst().flatMap(ExtractOutcome::tieOut);
        out.println("  tie-out of the last run: " + tieOut.map(TieOut::message).orElse("not made"));
        out.printf(Locale.ROOT, "  (after every run of %s, nsbridge compares lines, debits and credits per period and"
                + " subsidiary with NetSuite; nsbridge status shows the result)%n", accountingLines.get().name());
        // The trial balance shows the books as NetSuite keeps them, balanced or not; what nsbridge answers for is
        // that the warehouse holds exactly those books, which the tie-out checks.
        if (tieOut.isEmpty() || !tieOut.get().balanced()) {
            throw new IllegalStateException("the ledger in the warehouse did not tie out with NetSuite; see above");
        }
    }

    private static Optional<ExtractConfig> extractOf(DemoContext context, String table) {
        return context.workspace().config().extracts().values().stream()
                .filter(extract -> extract.table().map(table::equals).orElse(false)).findFirst();
    }
}
