package dev.nsbridge.bench;

import java.util.List;

/** Everything one Connect benchmark run measured, and where. */
record ConnectResults(Machine machine, String date, String loadBefore, String loadAfter, double scale,
                      long latencyMs, int concurrencyLimit, long rows, ExtractOutcome extract,
                      List<ConnectOutcome> connect) {
    /** Rows per second the budget allows at this latency: limit × 1000-row pages ÷ page latency. */
    double ceilingRowsPerSecond() {
        return concurrencyLimit * 1000.0 / (latencyMs / 1000.0);
    }
}
