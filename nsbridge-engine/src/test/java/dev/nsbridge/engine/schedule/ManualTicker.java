package dev.nsbridge.engine.schedule;

/** Keeps the scheduler's tick so a test calls it when it has moved the clock. */
final class ManualTicker implements Ticker {
    private Runnable tick;
    private boolean closed;

    @Override
    public void start(Runnable callback) {
        this.tick = callback;
    }

    void tick() {
        if (tick != null && !closed) {
            tick.run();
        }
    }

    boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
