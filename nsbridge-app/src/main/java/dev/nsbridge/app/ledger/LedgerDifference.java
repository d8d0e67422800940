package dev.nsbridge.app.ledger;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * A group where the warehouse and NetSuite disagree. Differences are the warehouse's figure minus NetSuite's: a line
 * missing from the warehouse shows as {@code lines -1}.
 *
 * @param group     the period and subsidiary
 * @param netSuite  what NetSuite adds up to
 * @param warehouse what the landed tables add up to
 */
public record LedgerDifference(LedgerGroup group, LedgerSums netSuite, LedgerSums warehouse) {
    public LedgerDifference {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(netSuite, "netSuite");
        Objects.requireNonNull(warehouse, "warehouse");
    }

    public long lines() {
        return warehouse.lines() - netSuite.lines();
    }

    public BigDecimal debit() {
        return warehouse.debit().subtract(netSuite.debit());
    }

    public BigDecimal credit() {
        return warehouse.credit().subtract(netSuite.credit());
    }

    /** E.g. {@code period 14, subsidiary 2: lines -1, debit -120.00, credit 0.00}. */
    public String describe() {
        return String.format(Locale.ROOT, "%s: lines %+d, debit %s, credit %s", group, lines(), signed(debit()),
                signed(credit()));
    }

    private static String signed(BigDecimal value) {
        return (value.signum() > 0 ? "+" : "") + value.toPlainString();
    }
}
