/** The NetSuite source connector: tables and SuiteQL queries read by nsbridge's NetSuite source into topics. */
package dev.nsbridge.kafka.connect.source;
