/** The extracts benchmark: the real extract path against a latency-bound sandbox, its baselines and ceilings. */
package dev.nsbridge.bench;
