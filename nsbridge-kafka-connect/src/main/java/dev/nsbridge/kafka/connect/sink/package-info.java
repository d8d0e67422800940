/** The Klaviyo sink connector: flow documents from Kafka delivered to Klaviyo with the flows' own mapping. */
package dev.nsbridge.kafka.connect.sink;
