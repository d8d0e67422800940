package dev.nsbridge.app.ledger;

import dev.nsbridge.app.extract.WarehouseConnections;
import dev.nsbridge.engine.config.ExtractConfig;
import dev.nsbridge.engine.config.NsbridgeConfig;
import dev.nsbridge.engine.run.RunResult;
import dev.nsbridge.engine.store.RunHistory;
import dev.nsbridge.engine.store.RunRecord;
import dev.nsbridge.engine.store.RunStatus;
import dev.nsbridge.netsuite.source.LedgerTotals;
import dev.nsbridge.netsuite.source.NetSuiteSource;
import dev.nsbridge.spi.destination.Destination;
import dev.nsbridge.spi.errors.NsbridgeException;
import dev.nsbridge.spi.source.Source;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ties a ledger in the warehouse out against NetSuite after a run of its accounting lines: the count, debits and
 * credits per posting period and subsidiary, asked of NetSuite in one aggregate (through the extract's own source,
 * so within the account's concurrency budget and lockout guard) and of the landed tables, compared. A difference
 * marks the run failed in the history, with the period, subsidiary and amounts, where {@code nsbridge status}, the
 * web UI and the metrics read it.
 *
 * <p>NetSuite does not stand still while nsbridge reads it (a live account, or the sandbox's activity), so an
 * honest check must not fail on a line that changed after the extracts read it. The choice made: the aggregate
 * also counts, per group, the lines whose accounting line, transaction line or transaction changed since the
 * earliest start of the runs that landed the three tables. A group that differs and has such a line was moving
 * while it was read; it is reported, not failed, and the next run (which reads those changes) checks it again. A
 * group that differs with nothing changed in it is a real gap (a row lost, or changed in the warehouse) and fails
 * the run. Comparing only up to the watermark was the other choice, and it cannot work: a line changed after the
 * watermark leaves NetSuite's side of the comparison while its older copy stays in the warehouse's. What no change
 * date shows is a transaction deleted between the read and the check; that shows as a difference once, and the
 * next run, which reads the deletion, clears it.
 */
public final class LedgerTieOut {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerTieOut.class);
    /** How far back the history is searched for a companion extract's last good run. */
    private static final int RUNS_SEARCHED = 20;

    private final NsbridgeConfig config;
    private final Function<String, Source> sources;
    private final Function<String, Destination> destinations;
    private final RunHistory history;

    /**
     * @param sources      a connection's source by name, shared with the extracts (the caller closes them)
     * @param destinations a connection's destination by name, likewise
     */
    public LedgerTieOut(NsbridgeConfig config, Function<String, Source> sources,
                        Function<String, Destination> destinations, RunHistory history) {
        this.config = config;
        this.sources = sources;
        this.destinations = destinations;
        this.history = history;
    }

    /**
     * Ties out the ledger {@code extract} lands, after its run {@code result}; empty when there is nothing to tie
     * out: not the accounting lines of a configured ledger, tie-out off, a run that did not land rows, or a
     * transaction or transaction-line extract that has never landed. An out-of-balance run is marked failed in
     * the history before this returns.
     */
    public Optional<TieOut> afterRun(String extract, RunResult result) {
        if (!landed(result.status())) {
            return Optional.empty();
        }
        Optional<LedgerExtracts> ledger = LedgerExtracts.tiedOutBy(config, extract);
        if (ledger.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> since = since(ledger.get(), result.runId());
        if (since.isEmpty()) {
            LOG.info("ledger of {} not tied out: transaction or transactionline has not landed yet", extract);
            return Optional.empty();
        }
        TieOut tieOut = check(ledger.get(), result.runId(), since.get());
        if (!tieOut.balanced()) {
            history.failAfterwards(result.runId(), tieOut.message(), tieOut.errorCode());
        }
        LOG.info("run {} of {}: {}", result.runId(), extract, tieOut.message());
        return Optional.of(tieOut);
    }

    private TieOut check(LedgerExtracts ledger, long runId, Instant since) {
        String pipeline = ledger.accountingLines().name();
        Source source = sources.apply(ledger.accountingLines().connection());
        if (!(source instanceof NetSuiteSource netSuite)) {
            return TieOut.unchecked(pipeline, runId, since, "connection " + ledger.accountingLines().connection()
                    + " is not NetSuite");
        }
        Map<LedgerGroup, LedgerSums> warehouse;
        List<LedgerTotals.Group> asked;
        try {
            asked = netSuite.ledgerTotals(since);
            warehouse = warehouseTotals(ledger);
        } catch (NsbridgeException | SQLException e) {
            return TieOut.unchecked(pipeline, runId, since, e.getMessage());
        } catch (RuntimeException e) {
            // An answer nsbridge cannot read is still a check not made, and the run must say so rather than crash.
            return TieOut.unchecked(pipeline, runId, since, e.toString());
        }
        Map<LedgerGroup, LedgerSums> netSuiteTotals = new TreeMap<>();
        Map<LedgerGroup, Long> changed = new TreeMap<>();
        for (LedgerTotals.Group group : asked) {
            LedgerGroup key = new LedgerGroup(group.period(), group.subsidiary());
            netSuiteTotals.put(key, new LedgerSums(group.lines(), group.debit(), group.credit()));
            changed.put(key, group.changed());
        }
        TreeSet<LedgerGroup> groups = new TreeSet<>(netSuiteTotals.keySet());
        groups.addAll(warehouse.keySet());
        List<LedgerDifference> differences = new ArrayList<>();
        List<LedgerDifference> moved = new ArrayList<>();
        for (LedgerGroup group : groups) {
            LedgerSums theirs = netSuiteTotals.getOrDefault(group, LedgerSums.NONE);
            LedgerSums ours = warehouse.getOrDefault(group, LedgerSums.NONE);
            if (!ours.agreesWith(theirs)) {
                (changed.getOrDefault(group, 0L) > 0 ? moved : differences)
                        .add(new LedgerDifference(group, theirs, ours));
            }
        }
        return new TieOut(pipeline, runId, since, groups.size(), total(netSuiteTotals), total(warehouse), differences,
                moved, Optional.empty());
    }

    private Map<LedgerGroup, LedgerSums> warehouseTotals(LedgerExtracts ledger) throws SQLException {
        Destination destination = destinations.apply(ledger.accountingLines().destination());
        Optional<Connection> opened = WarehouseConnections.open(destination);
        if (opened.isEmpty()) {
            throw new SQLException("destination " + ledger.accountingLines().destination() + " is no SQL warehouse");
        }
        try (Connection connection = opened.get()) {
            return WarehouseLedgerTotals.read(connection, ledger);
        }
    }

    /**
     * The start of the earliest of the runs that landed what the warehouse holds now: this run for the accounting
     * lines, the last good run for each companion; empty when a companion never landed.
     */
    private Optional<Instant> since(LedgerExtracts ledger, long runId) {
        Optional<Instant> earliest = history.get(runId).map(RunRecord::startedAt);
        for (ExtractConfig companion : List.of(ledger.transactions(), ledger.lines())) {
            Optional<Instant> landed = history.recent(Optional.of(companion.name()), RUNS_SEARCHED).stream()
                    .filter(run -> !run.dryRun() && landed(run.status())).map(RunRecord::startedAt).findFirst();
            if (landed.isEmpty() || earliest.isEmpty()) {
                return Optional.empty();
            }
            earliest = Optional.of(landed.get().isBefore(earliest.get()) ? landed.get() : earliest.get());
        }
        return earliest;
    }

    private static boolean landed(RunStatus status) {
        return status == RunStatus.SUCCEEDED || status == RunStatus.SUCCEEDED_WITH_ERRORS;
    }

    private static LedgerSums total(Map<LedgerGroup, LedgerSums> groups) {
        return groups.values().stream().reduce(LedgerSums.NONE, LedgerSums::plus);
    }
}
