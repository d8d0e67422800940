package dev.nsbridge.engine.schedule;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ticks at a fixed delay on one daemon thread, which never keeps the program alive on its own. */
final class PeriodicTicker implements Ticker {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicTicker.class);

    private final Duration period;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "nsbridge-scheduler");
        thread.setDaemon(true);
        return thread;
    });

    PeriodicTicker(Duration period) {
        this.period = Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a tick period must be positive, not " + period);
        }
    }

    @Override
    public void start(Runnable tick) {
        long millis = period.toMillis();
        timer.scheduleWithFixedDelay(() -> {
            // An exception escaping here would silently cancel every later tick, and with it every schedule.
            try {
                tick.run();
            } catch (RuntimeException e) {
                LOG.error("scheduler tick failed; the next tick tries again: {}", e.toString());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
