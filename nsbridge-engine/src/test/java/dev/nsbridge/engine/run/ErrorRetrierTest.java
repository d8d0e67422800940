package dev.nsbridge.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.engine.store.SqlStores;
import dev.nsbridge.engine.store.ErrorStatus;
import dev.nsbridge.engine.store.ProcessIdentity;
import dev.nsbridge.engine.store.StoredError;
import dev.nsbridge.spi.destination.Destination;
import dev.nsbridge.spi.destination.DestinationWriter;
import dev.nsbridge.spi.destination.WriteRequest;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.testsupport.TickingClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ErrorRetrierTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    @TempDir
    Path folder;

    @Test
    void shouldResolveWhatSucceedsOnRetryAndKeepTheRestOpen() {
        TickingClock clock = new TickingClock(T0);
        try (SqlStores stores = SqlStores.open(folder.resolve("n.db"), clock,
                new ProcessIdentity("here", 1), pid -> true)) {
            FakeDestination destination = new FakeDestination(false);
            destination.refusedEmails.add("a1@example.com");
            destination.refusedEmails.add("b2@example.com");
            Pipeline pipeline = PipelineRunnerTest.pipeline(new FakeSource(2), destination);
            new PipelineRunner(stores, clock).run(pipeline, RunOptions.NORMAL, RunListener.NONE);
            destination.stillRefusedOnRetry.add("21");

            ErrorRetrier.RetryOutcome outcome = new ErrorRetrier(stores, clock).retry(pipeline, 100);

            assertThat(outcome).isEqualTo(new ErrorRetrier.RetryOutcome(2, 1, 1));
            assertThat(destination.retried).containsExactlyInAnyOrder("10", "21");
            assertThat(stores.errors().list(Optional.of("customers"), Optional.empty(), 10))
                    .extracting(e -> e.error().recordKey(), StoredError::status, StoredError::attempts)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("10", ErrorStatus.RESOLVED, 1),
                            org.assertj.core.groups.Tuple.tuple("21", ErrorStatus.OPEN, 2));
        }
    }

    @Test
    void shouldResolveAnErrorWhoseRecordWentOnRetryWithAPartLeftOutAndKeepItsWarning() {
        TickingClock clock = new TickingClock(T0);
        try (SqlStores stores = SqlStores.open(folder.resolve("n.db"), clock,
                new ProcessIdentity("here", 1), pid -> true)) {
            FakeDestination destination = new FakeDestination(false);
            destination.refusedEmails.add("a1@example.com");
            Pipeline pipeline = PipelineRunnerTest.pipeline(new FakeSource(2), destination);
            new PipelineRunner(stores, clock).run(pipeline, RunOptions.NORMAL, RunListener.NONE);
            destination.warnedOnRetry.add("10");

            ErrorRetrier.RetryOutcome outcome = new ErrorRetrier(stores, clock).retry(pipeline, 100);

            assertThat(outcome).isEqualTo(new ErrorRetrier.RetryOutcome(1, 1, 0));
            assertThat(stores.errors().list(Optional.of("customers"), Optional.of(ErrorStatus.OPEN), 10))
                    .extracting(e -> e.error().recordKey(), e -> e.error().kind(), e -> e.error().code())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("10",
                            dev.nsbridge.spi.data.RecordError.Kind.WARNING, "odd_email"));
        }
    }

    @Test
    void shouldNeverRetryAWarningForItsRecordWasSent() {
        TickingClock clock = new TickingClock(T0);
        try (SqlStores stores = SqlStores.open(folder.resolve("n.db"), clock,
                new ProcessIdentity("here", 1), pid -> true)) {
            FakeDestination destination = new FakeDestination(false);
            destination.refusedEmails.add("a1@example.com");
            destination.warnedEmails.add("b2@example.com");
            Pipeline pipeline = PipelineRunnerTest.pipeline(new FakeSource(2), destination);
            new PipelineRunner(stores, clock).run(pipeline, RunOptions.NORMAL, RunListener.NONE);

            ErrorRetrier.RetryOutcome outcome = new ErrorRetrier(stores, clock).retry(pipeline, 100);

            assertThat(outcome).isEqualTo(new ErrorRetrier.RetryOutcome(1, 1, 0));
            assertThat(destination.retried).containsExactly("10");
            assertThat(stores.errors().list(Optional.of("customers"), Optional.of(ErrorStatus.OPEN), 10))
                    .extracting(e -> e.error().recordKey(), e -> e.error().kind())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("21",
                            dev.nsbridge.spi.data.RecordError.Kind.WARNING));
        }
    }

    @Test
    void shouldSayWhenADestinationCannotRetry() {
        TickingClock clock = new TickingClock(T0);
        Destination plain = new Destination() {
            @Override
            public DestinationWriter open(WriteRequest request) {
                throw new UnsupportedOperationException();
            }
        };
        try (SqlStores stores = SqlStores.open(folder.resolve("n.db"), clock)) {
            Pipeline base = PipelineRunnerTest.pipeline(new FakeSource(1), new FakeDestination(false));
            Pipeline pipeline = new Pipeline(base.name(), base.source(), base.read(), plain, base.write());

            assertThatThrownBy(() -> new ErrorRetrier(stores, clock).retry(pipeline, 10))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("cannot send stored records");
        }
    }
}
