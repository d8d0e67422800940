package dev.nsbridge.app.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One tie-out of a ledger in the warehouse against NetSuite.
 *
 * @param pipeline    the accounting-line extract whose run was checked
 * @param runId       that run
 * @param since       lines changed at or after this (the start of the earliest of the three extracts' runs) were
 *                    read while they moved
 * @param groups      period and subsidiary groups compared
 * @param netSuite    NetSuite's totals over every group
 * @param warehouse   the warehouse's totals over every group
 * @param differences groups that disagree although nothing in them changed during the runs: the run fails
 * @param moved       groups that disagree and changed in NetSuite while the extracts read them: the next run
 *                    settles them, so they do not fail this one
 * @param problem     why the tie-out could not be made (NetSuite or the warehouse refused its query), which fails
 *                    the run as surely as a difference: a ledger nobody could check is not known to be right
 */
public record TieOut(String pipeline, long runId, Instant since, int groups, LedgerSums netSuite,
                     LedgerSums warehouse, List<LedgerDifference> differences, List<LedgerDifference> moved,
                     Optional<String> problem) {
    /** The code of a run failed by its tie-out, in the run history and the API. */
    public static final String OUT_OF_BALANCE = "LEDGER_OUT_OF_BALANCE";
    /** The code of a run whose tie-out could not be made. */
    public static final String NOT_TIED_OUT = "LEDGER_NOT_TIED_OUT";
    /** Groups a message names before it says how many more there are. */
    private static final int NAMED_GROUPS = 5;

    public TieOut {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(netSuite, "netSuite");
        Objects.requireNonNull(warehouse, "warehouse");
        differences = List.copyOf(differences);
        moved = List.copyOf(moved);
        Objects.requireNonNull(problem, "problem");
    }

    /** A tie-out that could not be made, and why. */
    static TieOut unchecked(String pipeline, long runId, Instant since, String problem) {
        return new TieOut(pipeline, runId, since, 0, LedgerSums.NONE, LedgerSums.NONE, List.of(), List.of(),
                Optional.of(problem));
    }

    public boolean balanced() {
        return differences.isEmpty() && problem.isEmpty();
    }

    /** The code the failed run carries; only for a tie-out that did not balance. */
    public String errorCode() {
        return problem.isPresent() ? NOT_TIED_OUT : OUT_OF_BALANCE;
    }

    /** One paragraph for the run's history and the terminal. */
    public String message() {
        if (problem.isPresent()) {
            return "the ledger could not be tied out with NetSuite: " + problem.get() + ". Fix that, or turn the"
                    + " check off with tie_out: false on extract " + pipeline;
        }
        if (!differences.isEmpty()) {
            return String.format(Locale.ROOT, "ledger out of balance with NetSuite in %d of %d period/subsidiary"
                    + " groups (warehouse minus NetSuite): %s. Find what is missing with nsbridge run %s"
                    + " --full-refresh, or look for rows changed in the warehouse by hand", differences.size(),
                    groups, named(differences), pipeline) + movedNote();
        }
        return String.format(Locale.ROOT, "ledger ties out with NetSuite: %d period/subsidiary groups, %,d accounting"
                + " lines, debit %s, credit %s", groups, warehouse.lines(), warehouse.debit().toPlainString(),
                warehouse.credit().toPlainString()) + movedNote();
    }

    private String movedNote() {
        return moved.isEmpty() ? "" : String.format(Locale.ROOT, "; %d group(s) changed in NetSuite during the run"
                + " and are checked again next run: %s", moved.size(), named(moved));
    }

    private static String named(List<LedgerDifference> groups) {
        String named = groups.stream().limit(NAMED_GROUPS).map(LedgerDifference::describe)
                .collect(Collectors.joining("; "));
        return groups.size() > NAMED_GROUPS ? named + "; and " + (groups.size() - NAMED_GROUPS) + " more" : named;
    }
}
