package dev.nsbridge.bench;

import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.data.RecordSchema;
import dev.nsbridge.spi.destination.Destination;
import dev.nsbridge.spi.destination.DestinationWriter;
import dev.nsbridge.spi.destination.LoadMethod;
import dev.nsbridge.spi.destination.WriteRequest;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A destination's bulk path alone: generated rows shaped like the stream, written straight to the destination in
 * the batches an extract writes (one transaction each, drop-create-load), with no NetSuite in the way. Its rate
 * is what the warehouse could take, to set beside what the extract gets.
 */
final class DestinationLoad {
    static final String TABLE = "transactionline_load";
    private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    private DestinationLoad() {
    }

    record Outcome(long rows, double seconds) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    static Outcome load(Destination destination, StreamDescriptor stream, long rows, int batchSize) {
        RecordSchema schema = new RecordSchema(stream.columns());
        WriteRequest request = new WriteRequest("bench_load", stream, TABLE, LoadMethod.DROP_CREATE_LOAD,
                stream.primaryKey(), Map.of());
        long started = System.nanoTime();
        State state = State.EMPTY;
        try (DestinationWriter writer = destination.open(request)) {
            for (long first = 0; first < rows; first += batchSize) {
                List<Object[]> batch = new ArrayList<>(batchSize);
                for (long row = first; row < Math.min(rows, first + batchSize); row++) {
                    batch.add(row(schema, row));
                }
                state = State.EMPTY.with("rows", first + batch.size());
                writer.write(Batch.of(schema, batch, state));
            }
            writer.complete(state);
        }
        return new Outcome(rows, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Row {@code n}: ten lines per transaction like the sandbox's, values of each column's type and of about the
     * sandbox's width, so the warehouse does the same work per row.
     */
    private static Object[] row(RecordSchema schema, long n) {
        Object[] row = new Object[schema.size()];
        for (int i = 0; i < row.length; i++) {
            Column column = schema.column(i);
            row[i] = switch (column.name()) {
                case "transaction" -> n / 10 + 1;
                case "id" -> n % 10 + 1;
                default -> switch (column.type()) {
                    case STRING -> "line " + n + " of a generated order";
                    case INTEGER -> n % 5_000 + 1;
                    case DECIMAL -> BigDecimal.valueOf(n % 100_000, 2);
                    case BOOLEAN -> n % 3 == 0;
                    case DATE -> LocalDate.of(2024, 1, 1).plusDays(n % 700);
                    case TIMESTAMP -> EPOCH.plusSeconds(n * 7);
                    case RECORDS -> throw new IllegalArgumentException("a table holds no nested records");
                };
            };
        }
        return row;
    }
}
