package dev.nsbridge.netsuite.source;

import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.suiteql.SuiteQl;
import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.source.ReadMode;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.source.QuerySource;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
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
 * A described query stream is read by keyset over the query as an inline view ({@link QueryReads}). Requests in
 * flight never exceed the account's concurrency budget: the client's gate holds them to it. Parallel reads run one
 * worker more than the budget, so the permit a worker frees when its answer arrives is taken at once by the spare
 * worker instead of waiting while the first parses its page. State keys are described in {@link SourceState}.
 */
public final class NetSuiteSource implements QuerySource {
    private final NetSuiteClient client;
    private final SourceTuning tuning;
    private final Map<String, String> queryStreams = new ConcurrentHashMap<>();
    private final Map<String, List<DetailQuery>> documents = new ConcurrentHashMap<>();

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

    /**
     * A user's SuiteQL query (joins and all: the equivalent of a saved search) as a stream this source then reads
     * by its name; see {@link QueryStreams} and, for the reads, {@link QueryReads}.
     */
    public StreamDescriptor describeQuery(QueryStreams.Definition definition) {
        StreamDescriptor stream = new QueryStreams(client.suiteQl()).describe(definition);
        queryStreams.put(stream.name().toLowerCase(Locale.ROOT), SingleSelect.check(definition.name(),
                definition.query()));
        return stream;
    }

    @Override
    public StreamDescriptor describeQuery(String name, String query, List<String> uniqueKey,
                                          Optional<String> incrementalKey) {
        return describeQuery(new QueryStreams.Definition(name, query, uniqueKey, incrementalKey, List.of()));
    }

    /**
     * A query stream whose records each carry the records of other queries that belong to them (a sales order and
     * its lines), read with one more query per page for each detail (see {@link DetailQuery}): the stream's columns
     * are the query's, then one {@code RECORDS} column per detail. Read it with {@link #readQuery} and
     * {@link #readQueryKeys}.
     */
    public StreamDescriptor describeDocument(QueryStreams.Definition definition, List<DetailQuery> details) {
        StreamDescriptor header = describeQuery(definition);
        String name = header.name().toLowerCase(Locale.ROOT);
        if (details.isEmpty()) {
            documents.remove(name);
            return header;
        }
        documents.put(name, List.copyOf(details));
        return new StreamDescriptor(header.name(), DocumentReader.columns(header.columns(), details),
                header.primaryKey(), header.cursor());
    }

    /**
     * A read of a described query stream; an incremental read with no saved position starts at {@code start}
     * (inclusive) when given, else at the beginning.
     */
    public BatchReader readQuery(ReadRequest request, Optional<Instant> start) {
        List<DetailQuery> details = detailsOf(request);
        BatchReader headers = new QueryReads(client.suiteQl(), tuning.pageRows()).read(queryOf(request),
                headerRequest(request, details), start);
        return details.isEmpty() ? headers : new DocumentReader(headers, client.suiteQl(), details);
    }

    /**
     * The rows of a described query stream whose unique key takes one of {@code keys} (values in the key's order),
     * as they are now, e.g. to retry them; keys no longer matching are simply absent. Every batch keeps the
     * request's state.
     */
    public List<Batch> readQueryKeys(ReadRequest request, List<List<Object>> keys) {
        List<DetailQuery> details = detailsOf(request);
        List<Batch> headers = new QueryReads(client.suiteQl(), tuning.pageRows()).readKeys(queryOf(request),
                headerRequest(request, details), keys);
        if (details.isEmpty()) {
            return headers;
        }
        DocumentReader documents = new DocumentReader(null, client.suiteQl(), details);
        return headers.stream().map(documents::withDetails).toList();
    }

    private List<DetailQuery> detailsOf(ReadRequest request) {
        return documents.getOrDefault(request.stream().name().toLowerCase(Locale.ROOT), List.of());
    }

    /** The request without the details' columns: what the query itself is read with. */
    private static ReadRequest headerRequest(ReadRequest request, List<DetailQuery> details) {
        if (details.isEmpty()) {
            return request;
        }
        List<String> nested = details.stream().map(d -> d.column().toLowerCase(Locale.ROOT)).toList();
        StreamDescriptor stream = request.stream();
        StreamDescriptor header = new StreamDescriptor(stream.name(), stream.columns().stream()
                .filter(c -> !nested.contains(c.name().toLowerCase(Locale.ROOT))).toList(), stream.primaryKey(),
                stream.cursor());
        return new ReadRequest(header, request.columns().stream()
                .filter(c -> !nested.contains(c.toLowerCase(Locale.ROOT))).toList(), request.mode(), request.state(),
                request.filter(), request.lookback(), request.window(), request.ordered(), request.ids());
    }

    private String queryOf(ReadRequest request) {
        String query = queryStreams.get(request.stream().name().toLowerCase(Locale.ROOT));
        if (query == null) {
            throw new ConfigurationException("NETSUITE_QUERY_NOT_DESCRIBED", request.stream().name() + " is not a"
                    + " query stream of this source", "describe it first with describeQuery");
        }
        return query;
    }

    @Override
    public BatchReader read(ReadRequest request) {
        if (queryStreams.containsKey(request.stream().name().toLowerCase(Locale.ROOT))) {
            return readQuery(request, Optional.empty());
        }
        ReadShape shape = ReadShape.of(request);
        SuiteQl suiteQl = client.suiteQl();
        int workers = client.concurrencyPermits() + 1;
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
