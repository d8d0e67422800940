package dev.nsbridge.sandbox.netsuite.rest;

import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.time.Duration;
import java.util.Objects;

/** The knobs as request threads read them: each field is swapped whole, so a request sees one setting or the next. */
public final class LiveKnobs implements NetSuiteSandbox.Knobs {
    private record Latency(Duration perRequest, Duration perRow) {
    }

    private volatile Latency latency = new Latency(Duration.ZERO, Duration.ZERO);
    private volatile int concurrencyLimit;
    private volatile boolean governanceReadable = true;
    private volatile NetSuiteSandbox.Faults faults = NetSuiteSandbox.Faults.NONE;

    public LiveKnobs(int concurrencyLimit) {
        concurrencyLimit(concurrencyLimit);
    }

    @Override
    public NetSuiteSandbox.Knobs latency(Duration perRequest, Duration perRow) {
        if (perRequest.isNegative() || perRow.isNegative()) {
            throw new IllegalArgumentException("latency cannot be negative");
        }
        latency = new Latency(perRequest, perRow);
        return this;
    }

    @Override
    public NetSuiteSandbox.Knobs concurrencyLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the concurrency limit must be at least 1, was " + limit);
        }
        concurrencyLimit = limit;
        return this;
    }

    @Override
    public NetSuiteSandbox.Knobs governanceReadable(boolean readable) {
        governanceReadable = readable;
        return this;
    }

    @Override
    public NetSuiteSandbox.Knobs faults(NetSuiteSandbox.Faults value) {
        Objects.requireNonNull(value, "faults");
        double exclusive = value.serverErrorShare() + value.throttleShare() + value.dropShare();
        if (!isShare(value.serverErrorShare()) || !isShare(value.throttleShare()) || !isShare(value.slowShare())
                || !isShare(value.dropShare()) || exclusive > 1.0 + 1e-9) {
            throw new IllegalArgumentException("fault shares must lie in 0..1 and the 5xx, 429 and drop shares"
                    + " together may not exceed 1");
        }
        if (value.slowBy() == null || value.slowBy().isNegative()) {
            throw new IllegalArgumentException("slowBy must be zero or more");
        }
        faults = value;
        return this;
    }

    /** How long an answer of {@code rows} rows waits before it is sent. */
    Duration latencyFor(int rows) {
        Latency current = latency;
        return current.perRequest().plus(current.perRow().multipliedBy(rows));
    }

    int concurrencyLimit() {
        return concurrencyLimit;
    }

    boolean governanceReadable() {
        return governanceReadable;
    }

    NetSuiteSandbox.Faults faults() {
        return faults;
    }

    private static boolean isShare(double share) {
        return share >= 0 && share <= 1;
    }
}
