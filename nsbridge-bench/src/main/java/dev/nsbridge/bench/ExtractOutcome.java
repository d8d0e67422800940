package dev.nsbridge.bench;

import java.util.List;

/**
 * What one extract in a child JVM measured.
 *
 * @param rows              rows the run read and wrote
 * @param seconds           from the run's start to its end (planning, reading, writing, completing)
 * @param meanInFlight      NetSuite requests in flight, averaged over the run
 * @param peakLiveHeapBytes   the largest heap left after a forced full GC; 0 when the heap was not sampled
 * @param p95LiveHeapBytes    the 95th percentile of those samples
 * @param medianLiveHeapBytes their median, to show whether the peak is typical or a spike
 * @param heapSamples         how many such samples were taken
 */
record ExtractOutcome(long rows, double seconds, double meanInFlight, long peakLiveHeapBytes, long p95LiveHeapBytes,
                      long medianLiveHeapBytes, long heapSamples) {
    static ExtractOutcome of(long rows, double seconds, double meanInFlight, List<Long> sortedHeapSamples) {
        return new ExtractOutcome(rows, seconds, meanInFlight, percentile(sortedHeapSamples, 1.0),
                percentile(sortedHeapSamples, 0.95), percentile(sortedHeapSamples, 0.5), sortedHeapSamples.size());
    }

    private static long percentile(List<Long> sorted, double share) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.ceil(share * sorted.size()) - 1);
    }

    /**
     * How long a request took, on average, from the client's side: with {@code meanInFlight} requests always out
     * and 1000-row pages, {@code rows/s = meanInFlight × 1000 ÷ request time}.
     */
    double requestMillis() {
        return meanInFlight * 1000 / rowsPerSecond() * 1000;
    }

    double rowsPerSecond() {
        return rows / seconds;
    }
}
