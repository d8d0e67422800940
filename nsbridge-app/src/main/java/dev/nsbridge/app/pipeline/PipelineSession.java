package dev.nsbridge.app.pipeline;

import dev.nsbridge.app.extract.CommittedStates;
import dev.nsbridge.app.extract.ExtractPlanner;
import dev.nsbridge.app.extract.ExtractRequest;
import dev.nsbridge.app.ledger.LedgerTieOut;
import dev.nsbridge.engine.config.ExtractConfig;
import dev.nsbridge.engine.run.Pipeline;
import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.spi.destination.Destination;
import dev.nsbridge.spi.source.Source;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Collections;

/**
 * Pipelines built for one piece of work (a command, one run or one retry on the server) and the connections they
 * opened: one source per NetSuite connection, so every extract of an account shares its concurrency budget, one
 * destination per warehouse, and each flow's own ends. Closing the session closes them all, so whoever builds a
 * pipeline never closes its ends itself.
 */
public final class PipelineSession implements AutoCloseable {
    private final PipelineCatalog catalog;
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Map<String, Destination> destinations = new LinkedHashMap<>();
    private final List<AutoCloseable> flowEnds = new ArrayList<>();

    PipelineSession(PipelineCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The pipeline of that name as configured: a flow, or an extract planned as {@code nsbridge run} plans it, so a
     * scheduled run reads and writes exactly as one started by hand.
     *
     * @param recorder receives the payloads a flow's dry run builds
     */
    public Pipeline pipeline(String name, DryRunRecorder recorder) {
        if (catalog.isFlow(name)) {
            return flow(name, recorder);
        }
        Optional<ExtractConfig> extract = catalog.extract(name);
        if (extract.isPresent()) {
            return extracts().plan(extract.get(), ExtractRequest.of(List.of(name)));
        }
        throw catalog.unknown(name);
    }

    /** A flow by name. @throws dev.nsbridge.spi.errors.ConfigurationException {@code CONFIG_UNKNOWN_FLOW} */
    public Pipeline flow(String name, DryRunRecorder recorder) {
        Pipeline pipeline = catalog.buildFlow(name, recorder);
        flowEnds.add(pipeline.source());
        flowEnds.add(pipeline.destination());
        return pipeline;
    }

    /** Plans extracts, with a person's full refresh or backfill, over this session's shared connections. */
    public ExtractPlanner extracts() {
        return catalog.planner(this::source, this::destination);
    }

    /** Ties ledgers out after their runs, over this session's shared connections. */
    public LedgerTieOut ledgerTieOut() {
        return new LedgerTieOut(catalog.config(), this::source, this::destination, catalog.stores().history());
    }

    /** Where each extract stands, read from its warehouse where that can be opened, else from the state store. */
    public CommittedStates committedStates() {
        // A warehouse whose credentials are not set cannot be read (status reads local state only then): its
        // extracts show the position the state store last had.
        return new CommittedStates(connection -> catalog.hasCredentials(connection) ? destination(connection) : null,
                catalog.stores().state());
    }

    private Source source(String connection) {
        return sources.computeIfAbsent(connection, catalog::source);
    }

    private Destination destination(String connection) {
        return destinations.computeIfAbsent(connection, catalog::warehouse);
    }

    /** Closes every connection opened, going on past one that fails to close; the first failure is thrown. */
    @Override
    public void close() {
        Set<AutoCloseable> closed = Collections.newSetFromMap(new IdentityHashMap<>());
        List<AutoCloseable> all = new ArrayList<>(flowEnds);
        all.addAll(sources.values());
        all.addAll(destinations.values());
        RuntimeException first = null;
        for (AutoCloseable end : all) {
            if (!closed.add(end)) {
                continue;
            }
            try {
                end.close();
            } catch (Exception e) {
                RuntimeException failure = e instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e);
                if (first == null) {
                    first = failure;
                } else {
                    first.addSuppressed(failure);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
