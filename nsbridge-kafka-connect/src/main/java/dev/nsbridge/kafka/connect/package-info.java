/** nsbridge as a Kafka Connect plugin: the NetSuite source connector and what it shares. */
package dev.nsbridge.kafka.connect;
