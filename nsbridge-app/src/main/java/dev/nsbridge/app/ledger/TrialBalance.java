package dev.nsbridge.app.ledger;

import dev.nsbridge.warehouse.Identifiers;
import dev.nsbridge.warehouse.MetaColumns;
import dev.nsbridge.warehouse.TableName;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Debits and credits of the posting accounting lines per posting period, read from the landed tables: the first
 * thing a finance team checks of a ledger copy. In a sound ledger every period's debits equal its credits.
 *
 * @param periods one row per posting period, oldest first
 */
public record TrialBalance(List<Period> periods) {
    /**
     * One period.
     *
     * @param name   the period's name as NetSuite has it, e.g. {@code Mar 2026}; its id where the period did not land
     * @param lines  posting accounting lines
     * @param debit  their debits
     * @param credit their credits
     */
    public record Period(String name, long lines, BigDecimal debit, BigDecimal credit) {
        public Period {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(debit, "debit");
            Objects.requireNonNull(credit, "credit");
        }

        public boolean balanced() {
            return debit.compareTo(credit) == 0;
        }
    }

    public TrialBalance {
        periods = List.copyOf(periods);
    }

    /**
     * Posting lines are those whose flag reads true: a boolean where nsbridge's own load metadata landed it, the text
     * {@code T} where a warehouse lands NetSuite's flags as modelling packages read them; the cast reads both.
     *
     * @param ledger  the extracts that landed the ledger
     * @param periods the table accountingperiod landed in, for the periods' names and order
     */
    public static TrialBalance read(Connection connection, LedgerExtracts ledger, String periods)
            throws SQLException {
        String deleted = Identifiers.quote(MetaColumns.DELETED);
        String sql = "SELECT t.postingperiod, MIN(p.periodname), MIN(p.startdate), COUNT(*), SUM(tal.debit),"
                + " SUM(tal.credit) FROM " + TableName.parse(ledger.accountingLines().destinationTable()).sql()
                + " tal JOIN " + TableName.parse(ledger.transactions().destinationTable()).sql() + " t ON t.id = tal."
                + Identifiers.quote("transaction") + " LEFT JOIN " + TableName.parse(periods).sql()
                + " p ON p.id = t.postingperiod AND p." + deleted + " IS NOT TRUE"
                + " WHERE CAST(tal.posting AS VARCHAR(5)) IN ('true', 'T') AND tal." + deleted + " IS NOT TRUE AND t." + deleted + " IS NOT TRUE"
                + " GROUP BY t.postingperiod ORDER BY MIN(p.startdate), t.postingperiod";
        List<Period> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                String id = result.getString(1);
                String name = result.getString(2);
                rows.add(new Period(name != null ? name : id == null ? "no period" : "period " + id,
                        result.getLong(4), orZero(result.getBigDecimal(5)), orZero(result.getBigDecimal(6))));
            }
        }
        return new TrialBalance(rows);
    }

    public BigDecimal debit() {
        return periods.stream().map(Period::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal credit() {
        return periods.stream().map(Period::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Every period balances, and so the totals do. */
    public boolean balanced() {
        return periods.stream().allMatch(Period::balanced);
    }

    /** A short table: one line a period, then the totals. */
    public void print(PrintWriter out, String indent) {
        row(out, indent, "period", "lines", "debit", "credit", "");
        for (Period period : periods) {
            row(out, indent, period.name(), String.format(Locale.ROOT, "%,d", period.lines()), amount(period.debit()),
                    amount(period.credit()), period.balanced() ? "" : "out of balance");
        }
        long lines = periods.stream().mapToLong(Period::lines).sum();
        row(out, indent, "total", String.format(Locale.ROOT, "%,d", lines), amount(debit()), amount(credit()),
                balanced() ? "balanced" : "OUT OF BALANCE");
    }

    private static void row(PrintWriter out, String indent, String period, String lines, String debit, String credit,
                            String note) {
        out.println(String.format(Locale.ROOT, "%s%-16s %8s %16s %16s  %s", indent, period, lines, debit, credit, note)
                .stripTrailing());
    }

    private static String amount(BigDecimal value) {
        return String.format(Locale.ROOT, "%,.2f", value);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
