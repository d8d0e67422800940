package dev.nsbridge.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.engine.schedule.SkippedRun.Reason;
import dev.nsbridge.engine.store.ScheduleClaims;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.errors.TransientException;
import dev.nsbridge.testsupport.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

final class SchedulerTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:30Z");
    private static final CronSchedule HOURLY = CronSchedule.parse("0 * * * *").orElseThrow();

    private final ManualClock clock = new ManualClock(T0);
    private final ManualTicker ticker = new ManualTicker();
    private final QueuedExecutor executor = new QueuedExecutor();
    private final FakeRunHistory history = new FakeRunHistory();
    private final Set<String> live = new HashSet<>(Set.of("orders", "profiles"));

    private Scheduler scheduler(ScheduledPipeline... pipelines) {
        return new Scheduler(List.of(pipelines), history, ScheduleClaims.UNSHARED, live::contains, clock, ticker, executor);
    }

    /** Moves the clock and lets the scheduler look, then lets every run it started finish. */
    private void at(String instant) {
        clock.set(Instant.parse(instant));
        ticker.tick();
        executor.finishAll();
    }

    @Test
    void shouldRunAtEachScheduledTime() {
        CountingRun orders = new CountingRun();
        Scheduler scheduler = scheduler(new ScheduledPipeline("orders", HOURLY, orders));
        scheduler.start();

        at("2024-05-01T10:59:59Z");
        assertThat(orders.starts()).isZero();
        at("2024-05-01T11:00:00Z");
        at("2024-05-01T11:00:01Z");
        assertThat(orders.starts()).isEqualTo(1);
        at("2024-05-01T12:00:00Z");
        assertThat(orders.starts()).isEqualTo(2);
        assertThat(scheduler.nextRun("orders")).contains(Instant.parse("2024-05-01T13:00:00Z"));
    }

    @Test
    void shouldSkipATickWhileTheRunFromTheLastOneIsStillGoing() {
        CountingRun orders = new CountingRun();
        Scheduler scheduler = scheduler(new ScheduledPipeline("orders", HOURLY, orders));
        scheduler.start();

        clock.set(Instant.parse("2024-05-01T11:00:00Z"));
        ticker.tick();                                   // starts a run that lasts past the next time
        clock.set(Instant.parse("2024-05-01T12:00:00Z"));
        ticker.tick();
        assertThat(executor.waiting()).isEqualTo(1);      // nothing queued behind the long run
        executor.finishAll();

        assertThat(orders.starts()).isEqualTo(1);
        assertThat(scheduler.skippedRuns()).containsExactly(new SkippedRun("orders",
                Instant.parse("2024-05-01T12:00:00Z"), Instant.parse("2024-05-01T12:00:00Z"), Reason.STILL_RUNNING));
        at("2024-05-01T13:00:00Z");
        assertThat(orders.starts()).isEqualTo(2);
    }

    @Test
    void shouldRunAMissedScheduleOnceAfterRestart() {
        history.ran("orders", Instant.parse("2024-05-01T07:00:02Z"), false)
                .ran("orders", Instant.parse("2024-05-01T09:30:00Z"), true); // a dry run is not a run
        CountingRun orders = new CountingRun();
        Scheduler scheduler = scheduler(new ScheduledPipeline("orders", HOURLY, orders));

        scheduler.start();                                // 08:00, 09:00 and 10:00 were missed
        executor.finishAll();
        at("2024-05-01T10:30:00Z");

        assertThat(orders.starts()).isEqualTo(1);
        at("2024-05-01T11:00:00Z");
        assertThat(orders.starts()).isEqualTo(2);
    }

    @Test
    void shouldNotCatchUpWhenNoScheduledTimeWasMissed() {
        history.ran("orders", Instant.parse("2024-05-01T10:00:01Z"), false);
        CountingRun orders = new CountingRun();
        CountingRun profiles = new CountingRun();             // never ran: nothing to make up
        scheduler(new ScheduledPipeline("orders", HOURLY, orders),
                new ScheduledPipeline("profiles", HOURLY, profiles)).start();
        executor.finishAll();

        assertThat(orders.starts()).isZero();
        assertThat(profiles.starts()).isZero();
    }

    @Test
    void shouldCollapseTimesPassedWhileAsleepIntoOneRun() {
        CountingRun orders = new CountingRun();
        Scheduler scheduler = scheduler(new ScheduledPipeline("orders", HOURLY, orders));
        scheduler.start();

        at("2024-05-01T15:20:00Z");

        assertThat(orders.starts()).isEqualTo(1);
        assertThat(scheduler.nextRun("orders")).contains(Instant.parse("2024-05-01T16:00:00Z"));
    }

    @Test
    void shouldNotRunAPausedPipelineUntilResumed() {
        history.ran("orders", Instant.parse("2024-05-01T08:00:00Z"), false);
        CountingRun orders = new CountingRun();
        Scheduler scheduler = scheduler(new ScheduledPipeline("orders", HOURLY, orders));
        scheduler.pause("orders");
        scheduler.start();                                // paused: no catch-up either
        executor.finishAll();
        at("2024-05-01T11:00:00Z");

        assertThat(orders.starts()).isZero();
        assertThat(scheduler.nextRun("orders")).isEmpty();
        assertThat(scheduler.statuses()).singleElement().satisfies(status -> assertThat(status.paused()).isTrue());

        scheduler.resume("orders");
        assertThat(scheduler.nextRun("orders")).contains(Instant.parse("2024-05-01T12:00:00Z"));
        at("2024-05-01T11:30:00Z");
        assertThat(orders.starts()).isZero();             // the time passed while paused is not made up
        at("2024-05-01T12:00:00Z");
        assertThat(orders.starts()).isEqualTo(1);
    }

    @Test
    void shouldRunOnlyPipelinesThatAreLive() {
        CountingRun orders = new CountingRun();
        CountingRun rehearsal = new CountingRun();
        Scheduler scheduler = scheduler(new ScheduledPipeline("orders", HOURLY, orders),
                new ScheduledPipeline("rehearsal", HOURLY, rehearsal));
        scheduler.start();

        at("2024-05-01T11:00:00Z");
        assertThat(orders.starts()).isEqualTo(1);
        assertThat(rehearsal.starts()).isZero();
        assertThat(scheduler.nextRun("rehearsal")).isEmpty();

        live.add("rehearsal");                            // went live: no restart needed
        at("2024-05-01T12:00:00Z");
        assertThat(rehearsal.starts()).isEqualTo(1);
    }

    @Test
    void shouldRecordARunRefusedBecauseItIsRunningElsewhere() {
        Scheduler scheduler = scheduler(new ScheduledPipeline("orders", HOURLY, () -> {
            throw new TransientException("PIPELINE_RUNNING", "pipeline 'orders' is already running");
        }));
        scheduler.start();

        at("2024-05-01T11:00:00Z");

        assertThat(scheduler.skippedRuns()).extracting(SkippedRun::reason).containsExactly(Reason.RUNNING_ELSEWHERE);
        at("2024-05-01T12:00:00Z");                       // a failed start does not leave it marked running
        assertThat(scheduler.skippedRuns()).hasSize(2).extracting(SkippedRun::reason)
                .containsOnly(Reason.RUNNING_ELSEWHERE);
    }

    @Test
    void shouldGiveTheNextRunInThePipelinesTimeZone() {
        CronSchedule sixInBerlin = CronSchedule.parse("0 6 * * *", ZoneId.of("Europe/Berlin")).orElseThrow();
        Scheduler scheduler = scheduler(new ScheduledPipeline("orders", sixInBerlin, new CountingRun()));
        scheduler.start();

        assertThat(scheduler.nextRun("orders")).contains(Instant.parse("2024-05-02T04:00:00Z"));
        assertThat(scheduler.nextRun("unknown")).isEmpty();
        assertThatThrownBy(() -> scheduler.pause("unknown")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'unknown' has no schedule");
    }

    @Test
    void shouldRefuseTheSameNameTwice() {
        assertThatThrownBy(() -> scheduler(new ScheduledPipeline("orders", HOURLY, new CountingRun()),
                new ScheduledPipeline("orders", HOURLY, new CountingRun())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scheduled twice");
    }

    @Test
    void shouldWaitForARunUnderWayOnShutdown() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        Scheduler scheduler = new Scheduler(List.of(new ScheduledPipeline("orders", HOURLY, () -> {
            started.countDown();
            sleepQuietly(200);
            finished.set(true);
        })), history, ScheduleClaims.UNSHARED, live::contains, clock, ticker, command -> new Thread(command).start());
        scheduler.start();
        clock.set(Instant.parse("2024-05-01T11:00:00Z"));
        ticker.tick();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(scheduler.shutdown(Duration.ofSeconds(10))).isEmpty();

        assertThat(finished).isTrue();
        assertThat(ticker.closed()).isTrue();
    }

    @Test
    void shouldInterruptARunStillGoingWhenTheShutdownWaitEnds() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Scheduler scheduler = new Scheduler(List.of(new ScheduledPipeline("orders", HOURLY, () -> {
            started.countDown();
            try {
                new CountDownLatch(1).await(); // a run that would never end on its own
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        })), history, ScheduleClaims.UNSHARED, live::contains, clock, ticker, command -> new Thread(command).start());
        scheduler.start();
        clock.set(Instant.parse("2024-05-01T11:00:00Z"));
        ticker.tick();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(scheduler.shutdown(Duration.ofMillis(50))).containsExactly("orders");

        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        clock.set(Instant.parse("2024-05-01T12:00:00Z"));
        ticker.tick();                                    // stopped: starts nothing more
        assertThat(scheduler.skippedRuns()).isEmpty();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
