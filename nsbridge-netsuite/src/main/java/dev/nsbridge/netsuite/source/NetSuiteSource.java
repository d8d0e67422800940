package dev.nsbridge.netsuite.source;

import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.suiteql.SuiteQl;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.source.ReadMode;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.source.Source;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * NetSuite's tables as streams. Which read a request gets:
 * <ul>
 *   <li>a window: a backfill of the rows whose cursor lies in it, in parallel ranges; the state never moves;</li>
 *   <li>full mode, or a stream without a cursor (the mapping tables): every row, in parallel id ranges; the last
 *       batch carries the table's latest cursor value at the start as the watermark;</li>
 *   <li>incremental and {@link ReadRequest#ordered() ordered} (append loads): rows strictly past the saved
 *       position, in cursor order, one page after another ({@link AppendReader});</li>
 *   <li>incremental without a watermark yet: as full;</li>
 *   <li>incremental, for the tables of a transaction's lines: every line of each changed transaction, scoped by
 *       transaction ({@link TransactionScopedReads});</li>
 *   <li>incremental otherwise (merge loads): rows changed since the watermark less the lookback, in parallel id
 *       ranges, then the deleted records as deleted keys; the last batch carries the new watermark.</li>
 * </ul>
 * Workers never outnumber the account's concurrency budget. State keys are described in {@link SourceState}.
 */
public final class NetSuiteSource implements Source {
    private final NetSuiteClient client;
    private final SourceTuning tuning;
    private final Set<String> queryStreams = ConcurrentHashMap.newKeySet();

    public NetSuiteSource(NetSuiteClient client) {
        this(client, SourceTuning.DEFAULTS);
    }

    public NetSuiteSource(NetSuiteClient client, SourceTuning tuning) {
        this.client = client;
        this.tuning = tuning;
    }

    /** The account's tables with their custom fields (from the cached metadata catalog). */
    @Override
    public List<StreamDescriptor> discover() {
        return client.catalog().streams(false);
    }

    /** A user's SuiteQL query as a stream; see {@link QueryStreams}. */
    public StreamDescriptor describeQuery(QueryStreams.Definition definition) {
        StreamDescriptor stream = new QueryStreams(client.suiteQl()).describe(definition);
        queryStreams.add(stream.name().toLowerCase(Locale.ROOT));
        return stream;
    }

    @Override
    public BatchReader read(ReadRequest request) {
        if (queryStreams.contains(request.stream().name().toLowerCase(Locale.ROOT))) {
            // Reading a query needs a select over a subquery, which the SuiteQL builder does not make yet.
            throw new ConfigurationException("NETSUITE_QUERY_READ_UNSUPPORTED", "query stream "
                    + request.stream().name() + " can be described but not yet read", "extract the query's table"
                    + " with a filter instead");
        }
        ReadShape shape = ReadShape.of(request);
        SuiteQl suiteQl = client.suiteQl();
        int workers = client.governance().budget().permits();
        TableReads tables = new TableReads(suiteQl, workers, tuning);
        Optional<String> cursor = request.stream().cursor();
        if (request.window().isPresent()) {
            return tables.backfill(shape, request, cursor.orElseThrow(() -> new ConfigurationException(
                    "NETSUITE_BACKFILL_NEEDS_CURSOR", request.stream().name() + " has no incremental key, so it"
                    + " cannot be read by window", "run a full read of " + request.stream().name())));
        }
        if (request.mode() == ReadMode.FULL || cursor.isEmpty()) {
            return tables.full(shape, request);
        }
        if (request.ordered()) {
            return new AppendReader(suiteQl, shape, cursor.get(), request.state(), tuning.pageRows());
        }
        Optional<Instant> watermark = SourceState.watermark(request.state());
        if (watermark.isEmpty()) {
            return tables.full(shape, request);
        }
        if (TransactionScopedReads.applies(shape)) {
            return new TransactionScopedReads(suiteQl, tables, workers, tuning)
                    .incremental(shape, request, cursor.get(), watermark.get());
        }
        return tables.incremental(shape, request, cursor.get(), watermark.get());
    }

    @Override
    public String toString() {
        return "NetSuiteSource[" + client + "]";
    }
}
