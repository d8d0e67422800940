/** Running pipelines: batches read, written in order, state advanced only once durable, history and errors kept. */
package dev.nsbridge.engine.run;
