package dev.nsbridge.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.engine.schedule.SkippedRun.Reason;
import dev.nsbridge.engine.store.ProcessIdentity;
import dev.nsbridge.engine.store.RunOutcome;
import dev.nsbridge.engine.store.RunStatus;
import dev.nsbridge.engine.store.SqlStores;
import dev.nsbridge.testsupport.ManualClock;
import dev.nsbridge.testsupport.PostgresServer;
import dev.nsbridge.testsupport.PostgresServers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two servers with the same schedules over one PostgreSQL state store: each scheduled time runs once, not twice. */
@ExtendWith(PostgresServers.class)
final class SharedScheduleIT {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:30Z");
    private static final CronSchedule HOURLY = CronSchedule.parse("0 * * * *").orElseThrow();

    private final PostgresServer server;
    private final ManualClock clock = new ManualClock(T0);
    private Server east;
    private Server west;

    SharedScheduleIT(PostgresServer server) {
        this.server = server;
    }

    /** One nsbridge server: its own connection to the store, scheduler, ticker and run counter. */
    private final class Server implements AutoCloseable {
        final SqlStores stores;
        final ManualTicker ticker = new ManualTicker();
        final QueuedExecutor executor = new QueuedExecutor();
        final CountingRun orders = new CountingRun();
        final Scheduler scheduler;

        Server(String url, String host) {
            stores = SqlStores.openPostgres(url, PostgresServer.USER, PostgresServer.PASSWORD, "nsbridge", clock,
                    new ProcessIdentity(host, 1));
            scheduler = new Scheduler(List.of(new ScheduledPipeline("orders", HOURLY, () -> {
                orders.run();
                long run = stores.history().start("orders", clock.instant(), false);
                stores.history().finish(run, new RunOutcome(RunStatus.SUCCEEDED, clock.instant(), Map.of(),
                        Optional.empty(), Optional.empty()));
            })), stores.history(), stores.claims(), name -> true, clock, ticker, executor);
        }

        void tick() {
            ticker.tick();
            executor.finishAll();
        }

        @Override
        public void close() {
            scheduler.shutdown(java.time.Duration.ZERO);
            stores.close();
        }
    }

    @BeforeEach
    void twoServers() throws Exception {
        String url = server.createDatabase();
        east = new Server(url, "east.example");
        west = new Server(url, "west.example");
    }

    @AfterEach
    void stop() {
        east.close();
        west.close();
    }

    @Test
    void shouldRunEachScheduledTimeOnOneServerOnly() {
        east.scheduler.start();
        west.scheduler.start();

        for (String at : List.of("2024-05-01T11:00:00Z", "2024-05-01T12:00:01Z", "2024-05-01T13:00:00Z")) {
            clock.set(Instant.parse(at));
            east.tick();   // the first run ends before the second server's clock reaches the time
            west.tick();
        }

        assertThat(east.orders.starts() + west.orders.starts()).isEqualTo(3);
        assertThat(west.scheduler.skippedRuns()).extracting(SkippedRun::reason)
                .containsOnly(Reason.CLAIMED_ELSEWHERE).hasSize(3);
    }

    @Test
    void shouldMakeUpAMissedTimeOnceWhenBothServersComeBack() {
        long last = east.stores.history().start("orders", Instant.parse("2024-05-01T07:00:02Z"), false);
        east.stores.history().finish(last, new RunOutcome(RunStatus.SUCCEEDED, Instant.parse(
                "2024-05-01T07:00:09Z"), Map.of(), Optional.empty(), Optional.empty()));

        east.scheduler.start();                 // 08:00, 09:00 and 10:00 passed while both were down
        east.executor.finishAll();
        west.scheduler.start();
        west.executor.finishAll();

        assertThat(east.orders.starts() + west.orders.starts()).isEqualTo(1);
    }
}
