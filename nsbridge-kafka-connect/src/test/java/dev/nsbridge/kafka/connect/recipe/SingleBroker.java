package dev.nsbridge.kafka.connect.recipe;

import java.util.Properties;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;

/** One in-process KRaft broker, set as the recipe's Kafka is: a transaction log that fits one broker. */
final class SingleBroker {
    private SingleBroker() {
    }

    static EmbeddedKafkaCluster start() {
        Properties broker = new Properties();
        // Kafka's own config/server.properties sets these for one broker; without them initTransactions never returns.
        broker.put("transaction.state.log.replication.factor", "1");
        broker.put("transaction.state.log.min.isr", "1");
        EmbeddedKafkaCluster kafka = new EmbeddedKafkaCluster(1, broker);
        kafka.start();
        return kafka;
    }
}
