package dev.nsbridge.kafka.connect.sink;

import dev.nsbridge.engine.store.SqlStores;
import dev.nsbridge.flows.DeliveryContext;
import dev.nsbridge.flows.Flows;
import dev.nsbridge.flows.delivery.Delivery;
import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.flows.delivery.WriteOptions;
import dev.nsbridge.kafka.connect.Versions;
import dev.nsbridge.klaviyo.KlaviyoClient;
import dev.nsbridge.klaviyo.KlaviyoSettings;
import dev.nsbridge.klaviyo.http.Timing;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/**
 * One share of the Klaviyo sink: each {@link #put} delivers its documents through the flow's delivery half, the
 * code the command line's flow runs (bulk jobs, unique ids, consent rules with the ledger in the state store), and
 * returns once Klaviyo has them, so the offsets {@link #preCommit} hands back cover only delivered records. A
 * redelivery after a crash changes nothing in Klaviyo: events carry unique ids, profiles are upserts and the ledger
 * knows every consent already on its way.
 */
public final class KlaviyoSinkTask extends SinkTask {
    private final Clock clock;
    private final Map<TopicPartition, OffsetAndMetadata> delivered = new HashMap<>();
    private SqlStores stores;
    private Delivery delivery;
    private DocumentDelivery documents;

    public KlaviyoSinkTask() {
        this(Clock.systemUTC());
    }

    KlaviyoSinkTask(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String version() {
        return Versions.plugin();
    }

    @Override
    public void start(Map<String, String> props) {
        KlaviyoSinkConfig config = KlaviyoSinkConfig.parse(props);
        // The connector's name keys the ledger: the same connector finds its consents on any worker, after any
        // restart.
        String name = props.getOrDefault("name", "klaviyo-sink-" + config.flow().wireName());
        KlaviyoClient klaviyo = new KlaviyoClient(HttpClient.newHttpClient(), KlaviyoSettings.of(config.apiKey())
                .withBaseUri(URI.create(config.baseUrl()))
                .withRateShares(config.rateShares()), Timing.system());
        stores = config.stateStore().open(clock);
        delivery = Flows.delivery(config.flow(), new DeliveryContext(klaviyo, config.settings(), config.liveSince(),
                clock, DryRunRecorder.DISCARD, stores.ledger(name), Optional.empty()));
        documents = new DocumentDelivery(delivery, new WriteOptions(name, false, OptionalLong.empty()),
                new ErrantRecords(context));
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        documents.deliver(records);
        for (SinkRecord record : records) {
            // The original coordinates: a transform may have renamed the topic, but offsets are committed to the
            // partition the record was read from.
            delivered.put(new TopicPartition(record.originalTopic(), record.originalKafkaPartition()),
                    new OffsetAndMetadata(record.originalKafkaOffset() + 1));
        }
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        delivered.forEach((partition, offset) -> {
            if (currentOffsets.containsKey(partition)) {
                commit.put(partition, offset);
            }
        });
        return commit;
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        partitions.forEach(delivered::remove);
    }

    @Override
    public void stop() {
        try {
            if (delivery != null) {
                delivery.close();
            }
        } finally {
            if (stores != null) {
                stores.close();
            }
        }
    }
}
