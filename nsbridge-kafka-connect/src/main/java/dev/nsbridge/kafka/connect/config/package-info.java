/** Connector configuration: nsbridge's connection keys declared in Connect's {@code ConfigDef}, with their fixes. */
package dev.nsbridge.kafka.connect.config;
