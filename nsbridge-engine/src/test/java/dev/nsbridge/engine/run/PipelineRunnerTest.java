package dev.nsbridge.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.engine.store.SqlStores;
import dev.nsbridge.engine.store.ErrorStatus;
import dev.nsbridge.engine.store.ProcessIdentity;
import dev.nsbridge.engine.store.RunCounts;
import dev.nsbridge.engine.store.RunRecord;
import dev.nsbridge.engine.store.RunStatus;
import dev.nsbridge.engine.store.StoredError;
import dev.nsbridge.spi.data.RecordError;
import dev.nsbridge.spi.destination.LoadMethod;
import dev.nsbridge.spi.destination.WriteRequest;
import dev.nsbridge.spi.errors.AuthenticationException;
import dev.nsbridge.spi.errors.RecordException;
import dev.nsbridge.spi.errors.TransientException;
import dev.nsbridge.spi.source.ReadMode;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.testsupport.TickingClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PipelineRunnerTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    @TempDir
    Path folder;
    private SqlStores stores;
    private PipelineRunner runner;

    @BeforeEach
    void open() {
        TickingClock clock = new TickingClock(T0);
        stores = SqlStores.open(folder.resolve("nsbridge.db"), clock, new ProcessIdentity("here", 1), pid -> true);
        runner = new PipelineRunner(stores, clock);
    }

    @AfterEach
    void close() {
        stores.close();
    }

    static Pipeline pipeline(FakeSource source, FakeDestination destination) {
        ReadRequest read = new ReadRequest(FakeSource.STREAM, List.of(), ReadMode.INCREMENTAL, State.EMPTY,
                Optional.empty(), Duration.ofMinutes(10), Optional.empty());
        WriteRequest write = new WriteRequest("customers", FakeSource.STREAM, "customers", LoadMethod.MERGE,
                List.of("id"), Map.of());
        return new Pipeline("customers", source, read, destination, write);
    }

    @Test
    void shouldAdvanceTheStoredStateAfterEachDurableBatchAndRecordTheRun() {
        FakeDestination destination = new FakeDestination(false);
        List<Long> storedAfterEachBatch = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void progressed(RunProgress progress) {
                storedAfterEachBatch.add(FakeSource.position(runner.storedState("customers")));
            }
        };

        RunResult result = runner.run(pipeline(new FakeSource(3), destination), RunOptions.NORMAL, listener);

        assertThat(storedAfterEachBatch).containsExactly(1L, 2L, 3L);
        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(destination.completedWith).contains(State.EMPTY.with("position", 3L));
        assertThat(destination.rows).hasSize(6);
        RunRecord run = stores.history().get(result.runId()).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.counts()).isEqualTo(new RunCounts(6, 6, 0, 0));
        assertThat(run.streams()).containsOnlyKeys("customer");
        assertThat(run.duration()).isEqualTo(result.duration()).isPositive();
    }

    @Test
    void shouldStartFromTheStateTheDestinationCommittedAndLeaveTheStoreAlone() {
        FakeSource source = new FakeSource(3);
        FakeDestination destination = new FakeDestination(true);
        destination.committed = State.EMPTY.with("position", 2L);
        stores.state().save("customers", State.EMPTY.with("position", 1L));

        RunResult result = runner.run(pipeline(source, destination), RunOptions.NORMAL, RunListener.NONE);

        assertThat(source.requests.get(0).state()).isEqualTo(State.EMPTY.with("position", 2L));
        assertThat(result.counts().read()).isEqualTo(2);
        assertThat(destination.committed).isEqualTo(State.EMPTY.with("position", 3L));
        assertThat(runner.storedState("customers")).isEqualTo(State.EMPTY.with("position", 1L));
    }

    @Test
    void shouldLeaveTheStateAtTheLastDurableBatchWhenARunFailsAndContinueFromItOnTheNextRun() {
        FakeSource source = new FakeSource(3);
        FakeDestination destination = new FakeDestination(false);
        destination.failures.put(2, new TransientException("RATE_LIMITED", "too many requests"));

        RunResult failed = runner.run(pipeline(source, destination), RunOptions.NORMAL, RunListener.NONE);

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED_RETRIABLE);
        assertThat(failed.failure()).get().extracting(e -> e.code()).isEqualTo("RATE_LIMITED");
        assertThat(runner.storedState("customers")).isEqualTo(State.EMPTY.with("position", 1L));
        assertThat(destination.completedWith).isEmpty();
        assertThat(stores.history().get(failed.runId()).orElseThrow().errorCode()).contains("RATE_LIMITED");

        RunResult rerun = runner.run(pipeline(source, destination), RunOptions.NORMAL, RunListener.NONE);

        assertThat(rerun.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(source.requests.get(1).state()).isEqualTo(State.EMPTY.with("position", 1L));
        assertThat(rerun.counts().read()).isEqualTo(4);
        assertThat(runner.storedState("customers")).isEqualTo(State.EMPTY.with("position", 3L));
        assertThat(destination.rows).extracting(row -> row[0]).containsExactly(10L, 11L, 20L, 21L, 30L, 31L);
    }

    @Test
    void shouldStopAtOnceOnAnAuthenticationFailure() {
        FakeSource source = new FakeSource(3).failingOnce(2, new AuthenticationException("INVALID_LOGIN",
                "the source refused the credentials", "check the token in connections.src"));

        RunResult result = runner.run(pipeline(source, new FakeDestination(false)), RunOptions.NORMAL,
                RunListener.NONE);

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.counts().read()).isEqualTo(2);
        assertThat(stores.history().get(result.runId()).orElseThrow().message())
                .contains("the source refused the credentials; check the token in connections.src");
    }

    @Test
    void shouldClassifyAnUnexpectedFailureAsInternal() {
        FakeSource source = new FakeSource(2).failingOnce(1, new IllegalStateException("boom"));

        RunResult result = runner.run(pipeline(source, new FakeDestination(false)), RunOptions.NORMAL,
                RunListener.NONE);

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.failure()).get().extracting(e -> e.code()).isEqualTo("RUN_FAILED");
    }

    @Test
    void shouldStoreRefusedRecordsAndGoOn() {
        FakeDestination destination = new FakeDestination(false);
        destination.refusedEmails.add("b2@example.com");

        RunResult result = runner.run(pipeline(new FakeSource(3), destination), RunOptions.NORMAL, RunListener.NONE);

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED_WITH_ERRORS);
        assertThat(result.counts()).isEqualTo(new RunCounts(6, 5, 0, 1));
        assertThat(runner.storedState("customers")).isEqualTo(State.EMPTY.with("position", 3L));
        List<StoredError> open = stores.errors().list(Optional.of("customers"), Optional.of(ErrorStatus.OPEN), 10);
        assertThat(open).singleElement().satisfies(error -> {
            assertThat(error.runId()).isEqualTo(result.runId());
            assertThat(error.error().recordKey()).isEqualTo("21");
            assertThat(error.error().payload()).isEqualTo("{\"email\":\"b2@example.com\"}");
            assertThat(error.attempts()).isEqualTo(1);
        });
    }

    @Test
    void shouldKeepAndCountAWarningForARecordSentWithAPartLeftOutThenClearItOnceSentWhole() {
        FakeDestination destination = new FakeDestination(false);
        destination.warnedEmails.add("b2@example.com");

        RunResult warned = runner.run(pipeline(new FakeSource(3), destination), RunOptions.NORMAL, RunListener.NONE);

        assertThat(warned.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(warned.counts()).isEqualTo(new RunCounts(6, 6, 0, 0, 1));
        assertThat(stores.history().get(warned.runId())).get()
                .satisfies(run -> assertThat(run.counts().warnings()).isEqualTo(1));
        assertThat(stores.errors().count("customers", ErrorStatus.OPEN)).isZero();
        assertThat(stores.errors().count("customers", ErrorStatus.OPEN, RecordError.Kind.WARNING)).isEqualTo(1);
        assertThat(stores.errors().list(Optional.of("customers"), Optional.of(ErrorStatus.OPEN), 10))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.error().recordKey()).isEqualTo("21");
                    assertThat(entry.error().kind()).isEqualTo(RecordError.Kind.WARNING);
                });

        destination.warnedEmails.clear();
        stores.state().clear("customers");
        RunResult whole = runner.run(pipeline(new FakeSource(3), destination), RunOptions.NORMAL, RunListener.NONE);

        assertThat(whole.counts().warnings()).isZero();
        assertThat(stores.errors().list(Optional.of("customers"), Optional.of(ErrorStatus.OPEN), 10)).isEmpty();
        assertThat(stores.errors().list(Optional.of("customers"), Optional.of(ErrorStatus.RESOLVED),
                Optional.of(RecordError.Kind.WARNING), 10)).extracting(entry -> entry.error().recordKey())
                .containsExactly("21");
    }

    @Test
    void shouldStoreEveryRowOfABatchRefusedAsAWhole() {
        FakeDestination destination = new FakeDestination(false);
        destination.failures.put(1, new RecordException("BATCH_REJECTED", "the batch was refused", "fix the rows"));

        RunResult result = runner.run(pipeline(new FakeSource(2), destination), RunOptions.NORMAL, RunListener.NONE);

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED_WITH_ERRORS);
        assertThat(stores.errors().list(Optional.of("customers"), Optional.empty(), 10))
                .extracting(e -> e.error().recordKey(), e -> e.error().payload())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("10", "{\"id\":10,\"email\":\"a1@example.com\"}"),
                        org.assertj.core.groups.Tuple.tuple("11", "{\"id\":11,\"email\":\"b1@example.com\"}"));
        assertThat(destination.rows).hasSize(2);
    }

    @Test
    void shouldRefuseASecondRunOfAPipelineThatIsRunning() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        FakeSource held = new FakeSource(1).heldAt(gate, entered);
        CompletableFuture<RunResult> first = CompletableFuture.supplyAsync(() ->
                runner.run(pipeline(held, new FakeDestination(false)), RunOptions.NORMAL, RunListener.NONE));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> runner.run(pipeline(new FakeSource(1), new FakeDestination(false)),
                RunOptions.NORMAL, RunListener.NONE))
                .isInstanceOf(TransientException.class)
                .hasMessage("pipeline 'customers' is already running in this process (run 1); wait for it to finish,"
                        + " then start again");
        PipelineRunner otherProcess = new PipelineRunner(stores, new TickingClock(T0));
        assertThatThrownBy(() -> otherProcess.run(pipeline(new FakeSource(1), new FakeDestination(false)),
                RunOptions.NORMAL, RunListener.NONE)).hasMessageStartingWith("pipeline 'customers' is already"
                + " running (run 1, started");

        gate.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(runner.run(pipeline(new FakeSource(1), new FakeDestination(false)), RunOptions.NORMAL,
                RunListener.NONE).status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void shouldTellTheDestinationAboutADryRunAndMoveNothing() {
        FakeDestination destination = new FakeDestination(false);
        destination.refusedEmails.add("a1@example.com");

        RunResult result = runner.run(pipeline(new FakeSource(2), destination), new RunOptions(true,
                OptionalLong.empty()), RunListener.NONE);

        assertThat(destination.requests.get(0).options()).containsEntry(WriteRequest.DRY_RUN_OPTION, "true");
        assertThat(result.counts()).isEqualTo(new RunCounts(4, 3, 0, 1));
        assertThat(stores.state().load("customers")).isEmpty();
        assertThat(stores.errors().list(Optional.empty(), Optional.empty(), 10)).isEmpty();
        assertThat(stores.history().get(result.runId()).orElseThrow().dryRun()).isTrue();
    }

    @Test
    void shouldStopALimitedRunAtItsLimitWithoutMovingTheState() {
        FakeDestination destination = new FakeDestination(true);

        RunResult result = runner.run(pipeline(new FakeSource(3), destination), RunOptions.limitedTo(3),
                RunListener.NONE);

        assertThat(result.counts().read()).isEqualTo(3);
        assertThat(destination.rows).hasSize(3);
        assertThat(destination.committed).isEqualTo(State.EMPTY);
        assertThat(destination.completedWith).isEmpty();
        assertThat(destination.requests.get(0).options()).containsEntry(WriteRequest.LIMIT_OPTION, "3");
    }

    @Test
    void shouldPublishProgressWithRowsExpected() {
        List<RunProgress> progress = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void progressed(RunProgress update) {
                progress.add(update);
            }
        };

        runner.run(pipeline(new FakeSource(2), new FakeDestination(false)), RunOptions.NORMAL, listener);

        assertThat(progress).extracting(RunProgress::rowsRead).containsExactly(2L, 4L);
        assertThat(progress).extracting(RunProgress::rowsExpected).containsOnly(OptionalLong.of(4));
        assertThat(progress.get(1).elapsed()).isGreaterThan(progress.get(0).elapsed());
    }

    @Test
    void shouldCancelWhenInterruptedAndKeepTheLastDurableBatch() {
        RunListener interruptAfterFirstBatch = new RunListener() {
            @Override
            public void progressed(RunProgress progress) {
                Thread.currentThread().interrupt();
            }
        };

        RunResult result = runner.run(pipeline(new FakeSource(3), new FakeDestination(false)), RunOptions.NORMAL,
                interruptAfterFirstBatch);

        assertThat(Thread.interrupted()).isTrue();
        assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(runner.storedState("customers")).isEqualTo(State.EMPTY.with("position", 1L));
        assertThat(stores.history().get(result.runId()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
    }
}
