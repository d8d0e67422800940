package dev.nsbridge.sandbox.klaviyo;

import java.time.Duration;

/** The knobs' current values; read by the pipeline on every request. */
final class SandboxKnobs implements KlaviyoSandbox.Knobs {
    private final KlaviyoStore store;
    private volatile KlaviyoSandbox.Faults faults = KlaviyoSandbox.Faults.NONE;
    private volatile boolean rateLimitsEnforced = true;

    SandboxKnobs(KlaviyoStore store) {
        this.store = store;
    }

    @Override
    public KlaviyoSandbox.Knobs faults(KlaviyoSandbox.Faults value) {
        this.faults = java.util.Objects.requireNonNull(value);
        return this;
    }

    @Override
    public KlaviyoSandbox.Knobs rateLimitsEnforced(boolean enforced) {
        this.rateLimitsEnforced = enforced;
        return this;
    }

    @Override
    public KlaviyoSandbox.Knobs jobSpeed(Duration queuedFor, int itemsPerSecond) {
        store.locked(() -> {
            store.jobs.speed(queuedFor, itemsPerSecond);
            return null;
        });
        return this;
    }

    @Override
    public KlaviyoSandbox.Knobs jobSpeed(String jobType, Duration queuedFor, int itemsPerSecond) {
        store.locked(() -> {
            store.jobs.speed(jobType, queuedFor, itemsPerSecond);
            return null;
        });
        return this;
    }

    @Override
    public KlaviyoSandbox.Faults faults() {
        return faults;
    }

    @Override
    public boolean rateLimitsEnforced() {
        return rateLimitsEnforced;
    }
}
