/** The DuckDB destination: an embedded file, loaded through DuckDB's appender. */
package dev.nsbridge.warehouse.duckdb;
