/** The PostgreSQL destination: loaded through {@code COPY ... FROM STDIN}. */
package dev.nsbridge.warehouse.postgres;
