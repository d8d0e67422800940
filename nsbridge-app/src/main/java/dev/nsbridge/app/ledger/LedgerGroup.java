package dev.nsbridge.app.ledger;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One posting period and subsidiary: the grain a ledger is tied out at.
 *
 * @param period     the posting period's id; empty for lines of transactions that post to no period
 * @param subsidiary the subsidiary's id; empty where the line names none
 */
public record LedgerGroup(Optional<Long> period, Optional<Long> subsidiary) implements Comparable<LedgerGroup> {
    private static final Comparator<Optional<Long>> EMPTY_FIRST = Comparator.comparing(value -> value.orElse(null),
            Comparator.nullsFirst(Comparator.naturalOrder()));
    private static final Comparator<LedgerGroup> ORDER = Comparator.comparing(LedgerGroup::period, EMPTY_FIRST)
            .thenComparing(LedgerGroup::subsidiary, EMPTY_FIRST);

    public LedgerGroup {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(subsidiary, "subsidiary");
    }

    @Override
    public int compareTo(LedgerGroup other) {
        return ORDER.compare(this, other);
    }

    /** E.g. {@code period 14, subsidiary 2}; "none" for an empty one. */
    @Override
    public String toString() {
        return "period " + period.map(String::valueOf).orElse("none") + ", subsidiary "
                + subsidiary.map(String::valueOf).orElse("none");
    }
}
