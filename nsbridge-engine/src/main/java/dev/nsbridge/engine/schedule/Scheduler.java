package dev.nsbridge.engine.schedule;

import dev.nsbridge.engine.schedule.SkippedRun.Reason;
import dev.nsbridge.engine.store.RunHistory;
import dev.nsbridge.engine.store.RunRecord;
import dev.nsbridge.engine.store.ScheduleClaims;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.errors.NsbridgeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts each live pipeline at its scheduled times. A pipeline never runs twice at once: a time that comes while
 * its previous run is still going is skipped and recorded, never queued, and times that pass while the scheduler
 * was busy or asleep give one run, not one each. On start, a pipeline whose scheduled time passed since its last
 * run (the server was down) runs once at once, however many times it missed. Servers sharing one store each run
 * the same schedules, and each scheduled time goes to the first that claims it.
 *
 * <pre>{@code
 * Scheduler scheduler = Scheduler.withDefaults(pipelines, stores.history(), stores.claims(), golive::isLive,
 *         Clock.systemUTC());
 * scheduler.start();
 * scheduler.pause("orders");
 * Optional<Instant> next = scheduler.nextRun("profiles");
 * scheduler.shutdown(Duration.ofMinutes(2));   // waits for runs under way, then interrupts them
 * }</pre>
 */
public final class Scheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private static final int KEPT_SKIPS = 200;
    /** How many recent runs to look through for the last real (not dry) run when checking for a missed time. */
    private static final int HISTORY_LOOKBACK = 50;
    private static final String RUNNING_ELSEWHERE = "PIPELINE_RUNNING";
    private static final Duration DEFAULT_SHUTDOWN = Duration.ofSeconds(30);

    private final Map<String, Entry> entries;
    private final RunHistory history;
    private final ScheduleClaims claims;
    private final Predicate<String> live;
    private final Clock clock;
    private final Ticker ticker;
    private final Executor runs;
    private final Object lock = new Object();
    private final Deque<SkippedRun> skips = new ArrayDeque<>();
    private int inFlight;
    private boolean started;
    private boolean stopping;

    /**
     * @param pipelines the scheduled pipelines; names must be unique
     * @param history   where the last run of each pipeline is looked up on start
     * @param claims    decides which of the servers sharing the store runs a scheduled time
     * @param live      whether a pipeline has gone live; asked at each scheduled time, so going live needs no restart
     * @param clock     the time the schedules are compared with
     * @param ticker    calls the scheduler back as time passes
     * @param runs      where runs are started; each run takes a thread for its whole length
     */
    public Scheduler(List<ScheduledPipeline> pipelines, RunHistory history, ScheduleClaims claims,
                     Predicate<String> live, Clock clock, Ticker ticker, Executor runs) {
        Map<String, Entry> byName = new LinkedHashMap<>();
        for (ScheduledPipeline pipeline : pipelines) {
            if (byName.putIfAbsent(pipeline.name(), new Entry(pipeline)) != null) {
                throw new IllegalArgumentException("pipeline " + pipeline.name() + " is scheduled twice");
            }
        }
        this.entries = Collections.unmodifiableMap(byName);
        this.history = Objects.requireNonNull(history, "history");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.live = Objects.requireNonNull(live, "live");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.runs = Objects.requireNonNull(runs, "runs");
    }

    /** A scheduler that looks at the clock every second and gives each run a thread of its own. */
    public static Scheduler withDefaults(List<ScheduledPipeline> pipelines, RunHistory history,
                                         ScheduleClaims claims, Predicate<String> live, Clock clock) {
        return new Scheduler(pipelines, history, claims, live, clock, Ticker.every(Duration.ofSeconds(1)),
                run -> new Thread(run, "nsbridge-run").start());
    }

    /** Runs each pipeline that missed a scheduled time while nothing ran it, once, then follows the schedules. */
    public void start() {
        Instant now = clock.instant();
        Map<Entry, Instant> missed = new LinkedHashMap<>();
        for (Entry entry : entries.values()) {
            lastRealRun(entry.pipeline.name()).flatMap(entry.pipeline.schedule()::nextAfter)
                    .filter(first -> !first.isAfter(now)).ifPresent(first -> missed.put(entry, first));
        }
        synchronized (lock) {
            if (started) {
                throw new IllegalStateException("the scheduler is already started");
            }
            started = true;
            entries.values().forEach(entry -> entry.nextDue = entry.pipeline.schedule().nextAfter(now));
        }
        missed.forEach((entry, first) -> LOG.info("pipeline {} missed its run at {} while nsbridge was not"
                + " running; running it once now", entry.pipeline.name(), first));
        launch(missed, now);
        ticker.start(this::tick);
    }

    /** Starts the pipelines whose time has come; the ticker calls it, and a test may call it directly. */
    void tick() {
        Instant now = clock.instant();
        Map<Entry, Instant> due = new LinkedHashMap<>();
        synchronized (lock) {
            if (!started || stopping) {
                return;
            }
            for (Entry entry : entries.values()) {
                if (entry.nextDue.isPresent() && !entry.nextDue.get().isAfter(now)) {
                    Instant scheduledFor = entry.nextDue.get();
                    // From now, not from the time due: times passed while busy or asleep collapse into this one.
                    entry.nextDue = entry.pipeline.schedule().nextAfter(now);
                    if (!entry.paused) {
                        due.put(entry, scheduledFor);
                    }
                }
            }
        }
        launch(due, now);
    }

    private void launch(Map<Entry, Instant> due, Instant now) {
        // Asked outside the lock: whether a pipeline is live is the application's answer, perhaps from a store.
        due.keySet().removeIf(entry -> !live.test(entry.pipeline.name()));
        due.entrySet().removeIf(time -> !claimed(time.getKey(), time.getValue(), now));
        List<Entry> starting = new ArrayList<>();
        synchronized (lock) {
            due.forEach((entry, scheduledFor) -> {
                if (stopping || entry.paused) {
                    return;
                }
                if (entry.running) {
                    skip(entry, scheduledFor, now, Reason.STILL_RUNNING);
                    return;
                }
                entry.running = true;
                inFlight++;
                starting.add(entry);
            });
        }
        for (Entry entry : starting) {
            Instant scheduledFor = due.get(entry);
            try {
                runs.execute(() -> run(entry, scheduledFor));
            } catch (RejectedExecutionException e) {
                finished(entry);
                synchronized (lock) {
                    skip(entry, scheduledFor, now, Reason.REFUSED);
                }
            }
        }
    }

    /** Whether this server runs the time; one sharing the store may have claimed it first. Asked outside the lock. */
    private boolean claimed(Entry entry, Instant scheduledFor, Instant now) {
        synchronized (lock) {
            if (stopping || entry.paused || entry.running) {
                return true; // passed over below for its own reason; nothing to claim
            }
        }
        try {
            if (claims.claim(entry.pipeline.name(), scheduledFor, now)) {
                return true;
            }
            synchronized (lock) {
                skip(entry, scheduledFor, now, Reason.CLAIMED_ELSEWHERE);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not claim the run of {} due {}: {}", entry.pipeline.name(), scheduledFor, e.getMessage());
        }
        return false;
    }

    private void run(Entry entry, Instant scheduledFor) {
        String name = entry.pipeline.name();
        synchronized (lock) {
            entry.thread = Thread.currentThread();
        }
        try {
            LOG.info("starting scheduled run of {} (due {})", name, scheduledFor);
            entry.pipeline.run().run();
        } catch (NsbridgeException e) {
            if (e.code().equals(RUNNING_ELSEWHERE)) {
                synchronized (lock) {
                    skip(entry, scheduledFor, clock.instant(), Reason.RUNNING_ELSEWHERE);
                }
            } else {
                LOG.warn("scheduled run of {} failed: {}", name, e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.warn("scheduled run of {} failed: {}", name, e.toString());
        } finally {
            finished(entry);
        }
    }

    private void finished(Entry entry) {
        synchronized (lock) {
            entry.running = false;
            entry.thread = null;
            inFlight--;
            lock.notifyAll();
        }
    }

    /** Called holding the lock. */
    private void skip(Entry entry, Instant scheduledFor, Instant at, Reason reason) {
        SkippedRun skipped = new SkippedRun(entry.pipeline.name(), scheduledFor, at, reason);
        LOG.info("skipped the run of {} due {}: {}", skipped.pipeline(), scheduledFor, reason.description());
        skips.addFirst(skipped);
        while (skips.size() > KEPT_SKIPS) {
            skips.removeLast();
        }
    }

    private Optional<Instant> lastRealRun(String pipeline) {
        return history.recent(Optional.of(pipeline), HISTORY_LOOKBACK).stream().filter(run -> !run.dryRun())
                .map(RunRecord::startedAt).findFirst();
    }

    /** Starts no runs of the pipeline until {@link #resume}; a run under way goes on; passed times are not made up. */
    public void pause(String pipeline) {
        synchronized (lock) {
            entry(pipeline).paused = true;
        }
        LOG.info("paused the schedule of {}", pipeline);
    }

    public void resume(String pipeline) {
        synchronized (lock) {
            entry(pipeline).paused = false;
        }
        LOG.info("resumed the schedule of {}", pipeline);
    }

    /** When the pipeline will next start; empty when it is not scheduled here, paused or not live. */
    public Optional<Instant> nextRun(String pipeline) {
        return Optional.ofNullable(entries.get(pipeline)).map(this::status).flatMap(ScheduleStatus::nextRun);
    }

    /** Every scheduled pipeline, in the order given, for a dashboard. */
    public List<ScheduleStatus> statuses() {
        return entries.values().stream().map(this::status).toList();
    }

    /** Scheduled times passed over, newest first; the latest {@value #KEPT_SKIPS} are kept. */
    public List<SkippedRun> skippedRuns() {
        synchronized (lock) {
            return List.copyOf(skips);
        }
    }

    private ScheduleStatus status(Entry entry) {
        boolean isLive = live.test(entry.pipeline.name());
        synchronized (lock) {
            Optional<Instant> next = started ? entry.nextDue : entry.pipeline.schedule().nextAfter(clock.instant());
            return new ScheduleStatus(entry.pipeline.name(), entry.pipeline.schedule(), entry.paused, isLive,
                    entry.running, entry.paused || !isLive || stopping ? Optional.empty() : next);
        }
    }

    private Entry entry(String pipeline) {
        Entry entry = entries.get(pipeline);
        if (entry == null) {
            throw new ConfigurationException("PIPELINE_NOT_SCHEDULED", "pipeline '" + pipeline + "' has no"
                    + " schedule here", "give it a schedule in nsbridge.yaml, or pick one of "
                    + String.join(", ", entries.keySet()));
        }
        return entry;
    }

    /**
     * Starts no more runs, waits up to {@code timeout} for those under way, then interrupts any still going (a
     * pipeline run stops after the batch in hand and the next run resumes from there).
     *
     * @return the pipelines still running when the wait ended; empty after a clean stop
     */
    public Set<String> shutdown(Duration timeout) {
        synchronized (lock) {
            stopping = true;
        }
        ticker.close();
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> stillRunning = new LinkedHashSet<>();
        synchronized (lock) {
            try {
                for (long left = timeout.toNanos(); inFlight > 0 && left > 0; left = deadline - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // asked to stop waiting: interrupt the runs now
            }
            for (Entry entry : entries.values()) {
                if (entry.running) {
                    stillRunning.add(entry.pipeline.name());
                    if (entry.thread != null) {
                        entry.thread.interrupt();
                    }
                }
            }
        }
        if (!stillRunning.isEmpty()) {
            LOG.warn("stopped waiting for the runs of {}; they were asked to stop", stillRunning);
        }
        return stillRunning;
    }

    @Override
    public void close() {
        shutdown(DEFAULT_SHUTDOWN);
    }

    /** One pipeline's schedule state; every field is read and written holding the lock. */
    private static final class Entry {
        private final ScheduledPipeline pipeline;
        private Optional<Instant> nextDue = Optional.empty();
        private boolean paused;
        private boolean running;
        private Thread thread;

        Entry(ScheduledPipeline pipeline) {
            this.pipeline = pipeline;
        }
    }
}
