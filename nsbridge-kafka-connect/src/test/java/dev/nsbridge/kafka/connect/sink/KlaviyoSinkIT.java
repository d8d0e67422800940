package dev.nsbridge.kafka.connect.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.kafka.connect.ConnectTestCluster;
import dev.nsbridge.sandbox.klaviyo.KlaviyoEvent;
import dev.nsbridge.sandbox.klaviyo.KlaviyoProfile;
import dev.nsbridge.sandbox.klaviyo.KlaviyoSandbox;
import dev.nsbridge.sandbox.klaviyo.KlaviyoSubscription;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * NetSuite's flow documents through Kafka into Klaviyo on one in-process Connect cluster: the source connector's
 * {@code flow:} streams write orders and customers to their topics, the Klaviyo sink delivers them with the flows'
 * own mapping, and the local Klaviyo shows what arrived.
 */
final class KlaviyoSinkIT {
    private static final Duration DELIVERY = Duration.ofSeconds(90);
    private static final String ORDERS_TOPIC = "ks.flow_orders";
    private static final String CUSTOMERS_TOPIC = "ks.flow_customers";
    private static final String DLQ = "ks.refused";
    private static final String ERROR_HEADER = "__connect.errors.exception.message";

    private static NetSuiteSandbox netSuite;
    private static KlaviyoSandbox klaviyo;
    private static ConnectTestCluster connect;
    private static Path state;
    private static String listId;

    @BeforeAll
    static void start() throws IOException {
        netSuite = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.05));
        klaviyo = KlaviyoSandbox.start(KlaviyoSandbox.Options.defaults());
        klaviyo.knobs().jobSpeed(Duration.ZERO, 10_000_000);
        listId = createList("Newsletter");
        state = Files.createTempDirectory("klaviyo-sink");
        connect = ConnectTestCluster.start("klaviyo-sink", 1);
        Map<String, String> source = ConnectTestCluster.netSuiteSource(netSuite, "ks.", "flow:orders,flow:customers");
        source.put("flow.orders.batch_size", "25");
        source.put("flow.customers.batch_size", "20");
        connect.cluster().configureConnector("netsuite-flows", source);
        connect.cluster().configureConnector("orders-to-klaviyo", sink("orders-to-klaviyo", "orders",
                ORDERS_TOPIC, Map.of()));
        connect.cluster().configureConnector("customers-to-klaviyo", sink("customers-to-klaviyo", "customers",
                CUSTOMERS_TOPIC, Map.of("flow.list_id", listId)));
    }

    @AfterAll
    static void stop() {
        connect.close();
        klaviyo.close();
        netSuite.close();
    }

    @Test
    void shouldSendEveryOrderOnceAndNothingNewWhenTheTopicIsDeliveredAgain() {
        List<String> orders = column("SELECT so.id AS id FROM transaction so JOIN customer c ON c.id = so.entity"
                + " WHERE so.type = 'SalesOrd'", "id");
        long lines = Long.parseLong(column("SELECT COUNT(*) AS n FROM transactionline tl JOIN transaction so"
                + " ON so.id = tl.transaction JOIN customer c ON c.id = so.entity JOIN item i ON i.id = tl.item"
                + " WHERE so.type = 'SalesOrd' AND tl.mainline = 'F' AND tl.taxline = 'F'", "n").get(0));
        await(() -> uniqueIds("Placed Order").size() >= orders.size() && events("Ordered Product").size() >= lines);
        List<KlaviyoEvent> before = klaviyo.events();

        // Another sink over the same topic: a new consumer group reads it from the start, as a redelivery would.
        connect.cluster().configureConnector("orders-again", sink("orders-again", "orders", ORDERS_TOPIC, Map.of()));
        awaitConsumed("orders-again", ORDERS_TOPIC);

        assertThat(events("Placed Order")).extracting(KlaviyoEvent::uniqueId)
                .containsExactlyInAnyOrderElementsOf(orders);
        assertThat(events("Ordered Product")).hasSize((int) lines);
        assertThat(uniqueIds("Ordered Product")).hasSize((int) lines);
        assertThat(klaviyo.events()).as("nothing new after the redelivery").hasSameSizeAs(before);
        connect.cluster().deleteConnector("orders-again");
    }

    @Test
    void shouldNeverSubscribeAnOptedOutCustomer() {
        long customers = Long.parseLong(column("SELECT COUNT(*) AS n FROM customer WHERE isinactive = 'F'", "n")
                .get(0));
        awaitConsumed("customers-to-klaviyo", CUSTOMERS_TOPIC);
        await(() -> !klaviyo.subscriptions().isEmpty());

        Set<String> optedOut = column("SELECT LOWER(TRIM(email)) AS email FROM customer WHERE"
                + " globalsubscriptionstatus IN (2, 4) AND email IS NOT NULL", "email").stream()
                .collect(Collectors.toSet());
        Map<String, KlaviyoProfile> profiles = klaviyo.profiles().stream()
                .collect(Collectors.toMap(KlaviyoProfile::id, Function.identity()));
        List<KlaviyoSubscription> subscriptions = klaviyo.subscriptions();
        assertThat(customers).isPositive();
        assertThat(optedOut).isNotEmpty();
        assertThat(subscriptions).isNotEmpty().allSatisfy(s -> {
            assertThat(s.listId()).isEqualTo(listId);
            assertThat(profiles.get(s.profileId()).email()).isNotIn(optedOut);
        });
    }

    @Test
    void shouldSubscribeNoOneAgainWhenTheSameSinkDeliversItsCustomersAgain() throws Exception {
        awaitConsumed("customers-to-klaviyo", CUSTOMERS_TOPIC);
        await(() -> !klaviyo.subscriptions().isEmpty());
        List<KlaviyoSubscription> before = klaviyo.subscriptions();

        // Its committed offsets gone, as after a crash before the commit: every customer comes again, and only the
        // consent ledger in the state store knows which consents already went out.
        connect.cluster().stopConnector("customers-to-klaviyo");
        connect.cluster().assertions().assertConnectorIsStopped("customers-to-klaviyo", "the sink did not stop");
        connect.cluster().resetConnectorOffsets("customers-to-klaviyo");
        connect.cluster().resumeConnector("customers-to-klaviyo");
        awaitConsumed("customers-to-klaviyo", CUSTOMERS_TOPIC);

        assertThat(klaviyo.subscriptions()).isEqualTo(before);
    }

    @Test
    void shouldPutARefusedCustomerAndAMalformedDocumentInTheDeadLetterQueueWithTheReason() throws Exception {
        awaitConsumed("customers-to-klaviyo", CUSTOMERS_TOPIC);
        Struct customer = (Struct) connect.committed(CUSTOMERS_TOPIC).get(0).value().value();
        Struct unreachable = copy(customer).put("id", "990001").put("email", "ada at example dot com")
                .put("phone", null);
        produce(CUSTOMERS_TOPIC, "990001", unreachable.schema(), unreachable);
        Schema odd = SchemaBuilder.struct().name("odd").field("note", Schema.STRING_SCHEMA).build();
        produce(ORDERS_TOPIC, "990002", odd, new Struct(odd).put("note", "no id here"));

        Map<String, String> reasons = new HashMap<>();
        await(() -> {
            reasons.putAll(deadLetters());
            return reasons.containsKey("990001") && reasons.containsKey("990002");
        });

        assertThat(reasons).containsKeys("990001", "990002").allSatisfy((key, reason) -> assertThat(reason)
                .as("the reason of " + key).isNotBlank());
        assertThat(reasons.get("990001")).containsIgnoringCase("email");
        assertThat(reasons.get("990002")).contains("no 'id'");
        assertThat(klaviyo.profiles()).extracting(KlaviyoProfile::externalId).doesNotContain("990001");
    }

    private static Map<String, String> sink(String name, String flow, String topic, Map<String, String> settings) {
        Map<String, String> config = new HashMap<>(settings);
        config.put("connector.class", KlaviyoSinkConnector.class.getName());
        config.put("tasks.max", "1");
        config.put("topics", topic);
        config.put("flow", flow);
        config.put("klaviyo.api.key", klaviyo.privateApiKey());
        config.put("klaviyo.base.url", klaviyo.baseUrl().toString());
        config.put("live.since", Instant.now().toString());
        config.put("state.store.url", state.resolve(name + ".db").toString());
        config.put("key.converter", JsonConverter.class.getName());
        config.put("value.converter", JsonConverter.class.getName());
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", DLQ);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        return config;
    }

    /** Refused records by the id in their key, each with the reason Connect put in its header. */
    private static Map<String, String> deadLetters() {
        Map<String, String> reasons = new HashMap<>();
        if (connect.cluster().kafka().describeTopics(DLQ).getOrDefault(DLQ, java.util.Optional.empty()).isEmpty()) {
            return reasons;
        }
        ConsumerRecords<byte[], byte[]> records;
        try {
            records = connect.cluster().kafka().consumeAll(5_000, DLQ);
        } catch (Exception e) {
            return reasons;
        }
        JsonConverter keys = new JsonConverter();
        keys.configure(Map.of("schemas.enable", "true"), true);
        for (ConsumerRecord<byte[], byte[]> record : records) {
            Header header = record.headers().lastHeader(ERROR_HEADER);
            Object key = keys.toConnectData(DLQ, record.key()).value();
            reasons.put(key instanceof Struct struct ? String.valueOf(struct.get("id")) : String.valueOf(key),
                    header == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }
        return reasons;
    }

    private static void produce(String topic, String key, Schema schema, Struct value) {
        JsonConverter keys = new JsonConverter();
        keys.configure(Map.of("schemas.enable", "true"), true);
        JsonConverter values = new JsonConverter();
        values.configure(Map.of("schemas.enable", "true"), false);
        connect.cluster().kafka().produce(topic, new String(keys.fromConnectData(topic, Schema.STRING_SCHEMA, key),
                StandardCharsets.UTF_8), new String(values.fromConnectData(topic, schema, value),
                StandardCharsets.UTF_8));
    }

    private static Struct copy(Struct struct) {
        Struct copy = new Struct(struct.schema());
        struct.schema().fields().forEach(field -> copy.put(field, struct.get(field)));
        return copy;
    }

    /**
     * Waits until the sink's consumer group has committed past the topic's last record. Offsets, not record counts:
     * the source writes in transactions, whose markers take offsets of their own.
     */
    private static void awaitConsumed(String connector, String topic) {
        await(() -> {
            try (var admin = connect.cluster().kafka().createAdminClient()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                        "connect-" + connector).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, Long> ends = afterLastRecord(topic);
                return !ends.isEmpty() && ends.entrySet().stream().allMatch(end -> committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue());
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** Per partition, the offset after the last record a read_committed consumer sees. */
    private static Map<TopicPartition, Long> afterLastRecord(String topic) throws Exception {
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : connect.cluster().kafka().consumeAll(10_000, null,
                Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), topic)) {
            ends.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
        }
        return ends;
    }

    private static List<KlaviyoEvent> events(String metric) {
        return klaviyo.events().stream().filter(e -> e.metricName().equals(metric)).toList();
    }

    private static Set<String> uniqueIds(String metric) {
        return events(metric).stream().map(KlaviyoEvent::uniqueId).collect(Collectors.toSet());
    }

    private static List<String> column(String query, String column) {
        try {
            return netSuite.account().query(query, List.of(), 0, 1000).items().stream().map(row -> row.get(column))
                    .toList();
        } catch (dev.nsbridge.sandbox.netsuite.data.SuiteQlException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s", DELIVERY).isLessThan(deadline);
            ConnectTestCluster.sleep(Duration.ofMillis(500));
        }
    }

    /** A list made as an account owner would, through Klaviyo's API; the nsbridge client only reads lists. */
    private static String createList(String name) {
        String body = "{\"data\":{\"type\":\"list\",\"attributes\":{\"name\":\"" + name + "\"}}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(klaviyo.baseUrl() + "/api/lists"))
                .header("Authorization", "Klaviyo-API-Key " + klaviyo.privateApiKey())
                .header("revision", "2026-07-15").header("accept", "application/vnd.api+json")
                .header("content-type", "application/vnd.api+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return klaviyo.lists().stream().filter(list -> list.name().equals(name)).findFirst().orElseThrow().id();
    }
}
