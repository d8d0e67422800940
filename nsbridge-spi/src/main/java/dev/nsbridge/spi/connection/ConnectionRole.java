package dev.nsbridge.spi.connection;

/**
 * What pipelines may use a connection of a type as: an extract reads from a source and writes tables into a
 * warehouse; a flow runs between a system of records and a marketing system.
 */
public enum ConnectionRole { EXTRACT_SOURCE, WAREHOUSE, FLOW_RECORDS, FLOW_MARKETING }
