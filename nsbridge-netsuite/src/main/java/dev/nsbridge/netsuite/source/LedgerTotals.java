package dev.nsbridge.netsuite.source;

import dev.nsbridge.netsuite.suiteql.DateConventions;
import dev.nsbridge.netsuite.suiteql.SuiteQl;
import dev.nsbridge.netsuite.suiteql.SuiteQlQuery;
import dev.nsbridge.netsuite.suiteql.SuiteQlRow;
import dev.nsbridge.netsuite.suiteql.SuiteQlRows;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The general ledger's totals as NetSuite holds them: accounting lines counted and their debits and credits summed
 * per posting period ({@code transaction.postingperiod}) and subsidiary ({@code transactionline.subsidiary}), in
 * one SuiteQL aggregate. The joins are the ones a ledger model reads the landed tables by (an accounting line
 * belongs to its transaction and to the transaction line of the same id), so a warehouse holding the same three
 * tables answers the same totals.
 *
 * <p>The same query counts, per group, the lines whose accounting line, transaction line or transaction changed
 * at or after {@code changedSince}: a group that moved while an extract was reading it may differ from the
 * warehouse without anything being lost, and the caller tells those apart from a real gap.
 */
public final class LedgerTotals {
    private static final int PAGE_ROWS = SuiteQl.MAX_LIMIT;

    /**
     * One period and subsidiary's totals.
     *
     * @param period     the posting period's id; empty for lines of transactions that post to no period
     * @param subsidiary the line's subsidiary id; empty where the line names none
     * @param lines      accounting lines
     * @param debit      their debits summed; zero when none has one
     * @param credit     their credits summed; zero when none has one
     * @param changed    lines changed at or after the instant asked about
     */
    public record Group(Optional<Long> period, Optional<Long> subsidiary, long lines, BigDecimal debit,
                        BigDecimal credit, long changed) {
        public Group {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(subsidiary, "subsidiary");
            Objects.requireNonNull(debit, "debit");
            Objects.requireNonNull(credit, "credit");
        }
    }

    private LedgerTotals() {
    }

    /**
     * The aggregate. Dates are compared through {@code TO_DATE} with a parameter on the user's clock, as every
     * other read does ({@link DateConventions#toDateParameter}); a line without a change date (accounting lines
     * older than 2023.1 have none) counts as unchanged.
     */
    static SuiteQlQuery query(Instant changedSince, DateConventions dates) {
        String since = "TO_DATE(?, '" + DateConventions.TO_CHAR_FORMAT + "')";
        String text = "SELECT t.postingperiod AS postingperiod, tl.subsidiary AS subsidiary, COUNT(*) AS lines,"
                + " SUM(tal.debit) AS debit, SUM(tal.credit) AS credit,"
                + " SUM(CASE WHEN tal.lastmodifieddate >= " + since + " OR tl.linelastmodifieddate >= " + since
                + " OR t.lastmodifieddate >= " + since + " THEN 1 ELSE 0 END) AS changed"
                + " FROM transactionaccountingline tal"
                + " INNER JOIN transaction t ON t.id = tal.transaction"
                + " INNER JOIN transactionline tl ON tl.transaction = tal.transaction AND tl.id = tal.transactionline"
                + " GROUP BY t.postingperiod, tl.subsidiary ORDER BY t.postingperiod, tl.subsidiary";
        String parameter = dates.toDateParameter(changedSince);
        return new SuiteQlQuery(text, List.of(parameter, parameter, parameter));
    }

    /** Every group, read through {@code suiteQl} and so within its account's budget and lockout guard. */
    static List<Group> read(SuiteQl suiteQl, Instant changedSince) {
        List<Group> groups = new ArrayList<>();
        try (SuiteQlRows rows = suiteQl.readByOffset(query(changedSince, suiteQl.dates()), PAGE_ROWS)) {
            while (rows.hasNext()) {
                SuiteQlRow row = rows.next();
                groups.add(new Group(Optional.ofNullable(row.integer("postingperiod")),
                        Optional.ofNullable(row.integer("subsidiary")), orZero(row.integer("lines")),
                        orZero(row.decimal("debit")), orZero(row.decimal("credit")), orZero(row.integer("changed"))));
            }
        }
        return groups;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
