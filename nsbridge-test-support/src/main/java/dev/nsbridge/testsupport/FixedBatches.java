package dev.nsbridge.testsupport;

import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.source.Progress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A read over batches a test made in advance: hands them out in order; progress counts their rows. */
public final class FixedBatches implements BatchReader {
    private final List<Batch> batches;
    private final long rows;
    private int next;

    public FixedBatches(List<Batch> batches) {
        this.batches = List.copyOf(batches);
        this.rows = batches.stream().mapToLong(Batch::size).sum();
    }

    @Override
    public Optional<Batch> next() {
        return next < batches.size() ? Optional.of(batches.get(next++)) : Optional.empty();
    }

    @Override
    public Progress progress() {
        return new Progress(next == 0 ? 0 : rows, OptionalLong.of(rows));
    }

    @Override
    public void close() {
    }
}
