package dev.nsbridge.bench.klaviyo;

import java.util.Locale;

/**
 * One phase's figures against its ceiling: the items of the bulk requests the sandbox accepted (202) inside the
 * window, over the window's whole minutes of sandbox clock; wall time includes the batches still in flight at its end.
 */
record PhaseResult(String name, int perRequest, long inKlaviyo, KlaviyoBenchmark.Run run, double ceilingPerSecond) {
    static final String HEADER = "| phase | per request | window s | wall s | in Klaviyo | rate /s | ceiling /s | "
            + "of ceiling | bulk POSTs | requests | 429s | 429 share | record errors |\n"
            + "|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    double ratePerSecond() {
        return inKlaviyo / (run.sandboxTime().toMillis() / 1000.0);
    }

    String row() {
        double seconds = run.sandboxTime().toMillis() / 1000.0;
        double share = run.allRequests() == 0 ? 0 : 100.0 * run.throttled() / run.allRequests();
        return String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %,d | %,.0f | %,.0f | %.1f%% | %,d | %,d | %,d "
                        + "| %.2f%% | %,d |", name, perRequest, seconds, run.wallTime().toMillis() / 1000.0, inKlaviyo,
                ratePerSecond(), ceilingPerSecond, 100.0 * ratePerSecond() / ceilingPerSecond, run.bulkRequests(),
                run.allRequests(), run.throttled(), share, run.recordErrors());
    }
}
