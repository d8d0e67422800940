/** A saved position: a flat map of primitives, so it maps onto Kafka Connect offsets. */
package dev.nsbridge.spi.state;
