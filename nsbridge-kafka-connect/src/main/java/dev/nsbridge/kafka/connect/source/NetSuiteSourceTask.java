package dev.nsbridge.kafka.connect.source;

import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.errors.NsbridgeException;
import dev.nsbridge.spi.source.ReadMode;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.source.Source;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * Reads its share of the connector's streams through nsbridge's NetSuite source, one {@link Batch} per poll: with
 * exactly-once support each poll is one Kafka transaction, so a crash redoes at most one batch and committed data
 * holds each batch once. The streams take turns, a batch each.
 */
public final class NetSuiteSourceTask extends SourceTask {
    /** The streams this task reads, as the connector assigned them. */
    static final String TASK_STREAMS = "task.streams";
    /** How many requests this task may have in flight: its share of the account's concurrency budget. */
    static final String TASK_PERMITS = "task.permits";
    private static final Duration IDLE_WAIT = Duration.ofMillis(500);
    private static final Schema HEARTBEAT_SCHEMA = SchemaBuilder.struct().name("dev.nsbridge.netsuite.Heartbeat")
            .field(StreamOffsets.ACCOUNT, Schema.STRING_SCHEMA).field(StreamOffsets.STREAM, Schema.STRING_SCHEMA)
            .build();

    private final Clock clock = Clock.systemUTC();
    private final List<StreamRead> reads = new ArrayList<>();
    private final Map<String, RecordConverter> converters = new HashMap<>();
    private NetSuiteSourceConfig config;
    private Source source;
    private TopicNames topics;
    private int turn;

    @Override
    public String version() {
        return dev.nsbridge.kafka.connect.Versions.plugin();
    }

    @Override
    public void start(Map<String, String> properties) {
        try {
            open(properties);
        } catch (NsbridgeException failed) {
            throw ConnectErrors.of(failed);
        }
    }

    private void open(Map<String, String> properties) {
        config = new NetSuiteSourceConfig(properties);
        topics = config.topics();
        source = NetSuiteSources.open(config, properties.getOrDefault("name", "netsuite"),
                Integer.parseInt(properties.getOrDefault(TASK_PERMITS, "1")));
        List<String> streams = List.of(properties.get(TASK_STREAMS).split(","));
        List<StreamDescriptor> catalog = config.tables().isEmpty() ? List.of() : source.discover();
        List<Map<String, String>> partitions = streams.stream()
                .map(stream -> StreamOffsets.partition(config.account(), stream)).toList();
        Map<Map<String, String>, Map<String, Object>> stored = context.offsetStorageReader().offsets(partitions);
        Map<String, QueryStream> queries = new HashMap<>();
        config.queries().forEach(query -> queries.put(query.name(), query));
        for (String name : streams) {
            QueryStream query = queries.get(name);
            StreamDescriptor stream = query == null ? NetSuiteSources.table(catalog, name)
                    : NetSuiteSources.describe(source, query);
            ReadRequest request = new ReadRequest(stream, List.of(), ReadMode.INCREMENTAL, State.EMPTY,
                    Optional.empty(), config.lookback(), Optional.empty());
            State start = StreamOffsets.state(stored.get(StreamOffsets.partition(config.account(), name)));
            reads.add(new StreamRead(source, request, start, config.pollInterval(), clock));
            converters.put(stream.name(), new RecordConverter(stream.name(), stream.primaryKey(),
                    config.decimalScale(), config.flagDeletions()));
        }
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        Instant earliest = Instant.MAX;
        for (int tried = 0; tried < reads.size(); tried++) {
            StreamRead read = reads.get(turn);
            turn = (turn + 1) % reads.size();
            State before = read.state();
            Optional<Batch> batch;
            try {
                batch = read.next();
            } catch (NsbridgeException failed) {
                throw ConnectErrors.of(failed);
            }
            if (batch.isPresent()) {
                List<SourceRecord> records = records(read.stream(), batch.get(), before);
                if (!records.isEmpty()) {
                    return records;
                }
            }
            Instant next = read.nextReadAt();
            earliest = next.isBefore(earliest) ? next : earliest;
        }
        Duration wait = Duration.between(clock.instant(), earliest);
        Thread.sleep(Math.max(0, Math.min(wait.toMillis(), IDLE_WAIT.toMillis())));
        return null;
    }

    private List<SourceRecord> records(String stream, Batch batch, State before) {
        RecordConverter converter = converters.get(stream);
        Map<String, String> partition = StreamOffsets.partition(config.account(), stream);
        Map<String, Object> offset = StreamOffsets.offset(batch.stateAfter());
        String topic = topics.of(stream);
        List<SourceRecord> records = new ArrayList<>(batch.size() + batch.deletedKeys().size());
        RecordConverter.Schemas schemas = converter.schemas(batch.schema());
        for (Object[] row : batch.rows()) {
            records.add(new SourceRecord(partition, offset, topic, null, schemas.key(),
                    converter.key(batch.schema(), row), schemas.value(), converter.value(batch.schema(), row)));
        }
        for (List<Object> keyValues : batch.deletedKeys()) {
            Struct key = converter.deletedKey(batch.schema(), keyValues);
            if (converter.flagsDeletions()) {
                records.add(new SourceRecord(partition, offset, topic, null, schemas.key(), key, schemas.value(),
                        converter.deletedValue(batch.schema(), key)));
            }
            records.add(new SourceRecord(partition, offset, topic, null, schemas.key(), key, schemas.value(), null));
        }
        if (records.isEmpty() && !batch.stateAfter().equals(before)) {
            // Connect commits an offset only with a record: a position no row carries goes in a small record of
            // its own, or a restart right after a snapshot would read it all again.
            Struct heartbeat = new Struct(HEARTBEAT_SCHEMA).put(StreamOffsets.ACCOUNT, config.account())
                    .put(StreamOffsets.STREAM, stream);
            records.add(new SourceRecord(partition, offset, topics.heartbeat(), null, Schema.STRING_SCHEMA,
                    stream, HEARTBEAT_SCHEMA, heartbeat));
        }
        return records;
    }

    @Override
    public void stop() {
        reads.forEach(StreamRead::close);
        if (source != null) {
            source.close();
        }
    }
}
