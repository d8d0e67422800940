package dev.nsbridge.app.ledger;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a group of accounting lines adds up to.
 *
 * @param lines  how many
 * @param debit  their debits summed
 * @param credit their credits summed
 */
public record LedgerSums(long lines, BigDecimal debit, BigDecimal credit) {
    public static final LedgerSums NONE = new LedgerSums(0, BigDecimal.ZERO, BigDecimal.ZERO);

    public LedgerSums {
        debit = plain(Objects.requireNonNull(debit, "debit"));
        credit = plain(Objects.requireNonNull(credit, "credit"));
    }

    /**
     * An amount at the scale it needs and at least cents: a warehouse's SUM answers at the scale of its own type
     * (DuckDB's 482244.8700000000), which says nothing and reads badly in a message.
     */
    private static BigDecimal plain(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
    }

    /** Equal counts and equal amounts, whatever the scale each side wrote them in (10.5 and 10.50 agree). */
    public boolean agreesWith(LedgerSums other) {
        return lines == other.lines && debit.compareTo(other.debit) == 0 && credit.compareTo(other.credit) == 0;
    }

    public LedgerSums plus(LedgerSums other) {
        return new LedgerSums(lines + other.lines, debit.add(other.debit), credit.add(other.credit));
    }
}
