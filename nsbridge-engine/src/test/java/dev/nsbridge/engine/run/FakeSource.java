package dev.nsbridge.engine.run;

import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.data.RecordSchema;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.source.Progress;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.source.Source;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;

/**
 * A source of numbered batches of two rows (id, email); batch n's state is {@code position = n}, and a read
 * resumes after the position in its request's state, as a real incremental source would.
 */
final class FakeSource implements Source {
    static final StreamDescriptor STREAM = new StreamDescriptor("customer",
            List.of(new Column("id", ColumnType.INTEGER), new Column("email", ColumnType.STRING)), List.of("id"),
            Optional.of("id"));
    static final RecordSchema SCHEMA = new RecordSchema(STREAM.columns());

    final List<ReadRequest> requests = new ArrayList<>();
    private final int batches;
    private final Map<Long, RuntimeException> failures = new HashMap<>();
    private CountDownLatch gate;
    private CountDownLatch entered;

    FakeSource(int batches) {
        this.batches = batches;
    }

    /** The next read of batch {@code position} fails once with {@code failure}. */
    FakeSource failingOnce(long position, RuntimeException failure) {
        failures.put(position, failure);
        return this;
    }

    /** Reads wait at their first batch until the gate opens; {@code entered} counts down when one waits. */
    FakeSource heldAt(CountDownLatch gate, CountDownLatch entered) {
        this.gate = gate;
        this.entered = entered;
        return this;
    }

    static Batch batch(long position, String... emails) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < emails.length; i++) {
            rows.add(new Object[] {position * 10 + i, emails[i]});
        }
        return Batch.of(SCHEMA, rows, State.EMPTY.with("position", position));
    }

    static long position(State state) {
        return state.number("position").orElse(0);
    }

    @Override
    public List<StreamDescriptor> discover() {
        return List.of(STREAM);
    }

    @Override
    public BatchReader read(ReadRequest request) {
        requests.add(request);
        long start = position(request.state());
        return new BatchReader() {
            private long next = start + 1;

            @Override
            public Optional<Batch> next() throws InterruptedException {
                if (gate != null) {
                    entered.countDown();
                    gate.await();
                }
                if (next > batches) {
                    return Optional.empty();
                }
                RuntimeException failure = failures.remove(next);
                if (failure != null) {
                    throw failure;
                }
                long position = next++;
                return Optional.of(batch(position, "a" + position + "@example.com", "b" + position + "@example.com"));
            }

            @Override
            public Progress progress() {
                return new Progress((next - 1) * 2, OptionalLong.of(batches * 2L));
            }

            @Override
            public void close() {
            }
        };
    }
}
