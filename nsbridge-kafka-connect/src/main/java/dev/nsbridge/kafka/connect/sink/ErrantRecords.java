package dev.nsbridge.kafka.connect.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/**
 * Records the sink could not deliver, handed to Connect's errant record reporter with the reason: with
 * {@code errors.tolerance=all} and a dead letter queue topic they land there, the reason in the
 * {@code __connect.errors.exception.message} header; with the default tolerance the task stops on the first one,
 * as Connect does with any bad record.
 */
final class ErrantRecords {
    private final ErrantRecordReporter reporter;
    private final List<Future<Void>> pending = new ArrayList<>();

    ErrantRecords(SinkTaskContext context) {
        this.reporter = reporterOf(context);
    }

    void report(SinkRecord record, String reason) {
        DataException refusal = new DataException(reason);
        if (reporter == null) {
            throw refusal;
        }
        pending.add(reporter.report(record, refusal));
    }

    /** Waits until every reported record is written where Connect keeps them, before their offsets are committed. */
    void await() {
        try {
            for (Future<Void> future : pending) {
                future.get();
            }
        } catch (ExecutionException failed) {
            throw new ConnectException("a refused record could not be written to the dead letter queue",
                    failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while writing refused records to the dead letter queue",
                    interrupted);
        } finally {
            pending.clear();
        }
    }

    /** None on a worker older than Kafka 2.6, which has no reporter: a bad record then stops the task. */
    private static ErrantRecordReporter reporterOf(SinkTaskContext context) {
        try {
            return context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError older) {
            return null;
        }
    }
}
