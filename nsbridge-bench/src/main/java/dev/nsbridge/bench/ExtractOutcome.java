package dev.nsbridge.bench;

/**
 * What one extract in a child JVM measured.
 *
 * @param rows              rows the run read and wrote
 * @param seconds           from the run's start to its end (planning, reading, writing, completing)
 * @param meanInFlight      NetSuite requests in flight, averaged over the run
 * @param peakLiveHeapBytes the largest heap left after a forced full GC; 0 when the heap was not sampled
 * @param heapSamples       how many such samples were taken
 */
record ExtractOutcome(long rows, double seconds, double meanInFlight, long peakLiveHeapBytes, long heapSamples) {
    double rowsPerSecond() {
        return rows / seconds;
    }
}
