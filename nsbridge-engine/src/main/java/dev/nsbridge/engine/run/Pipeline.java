package dev.nsbridge.engine.run;

import dev.nsbridge.spi.destination.Destination;
import dev.nsbridge.spi.destination.WriteRequest;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.source.Source;
import java.util.Objects;

/**
 * One stream from a source into one destination: an extract or a flow, run the same way.
 *
 * @param name        unique among pipelines; state, history, errors and the run lock are kept under it
 * @param source      where the stream comes from
 * @param read        what to read; its state is replaced at each run by the committed one
 * @param destination where the batches go
 * @param write       where and how they are written; its pipeline is {@code name}
 */
public record Pipeline(String name, Source source, ReadRequest read, Destination destination, WriteRequest write) {
    public Pipeline {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(write, "write");
        if (!write.pipeline().equals(name)) {
            throw new IllegalArgumentException("pipeline " + name + " writes as pipeline " + write.pipeline()
                    + "; they must be the same, since the destination keeps its state under that name");
        }
    }

    /** The stream's name, under which the history keeps per-stream counts. */
    public String streamName() {
        return read.stream().name();
    }
}
