package dev.nsbridge.kafka.connect.sink;

import dev.nsbridge.flows.delivery.Delivery;
import dev.nsbridge.flows.delivery.WriteOptions;
import dev.nsbridge.spi.data.RecordError;
import dev.nsbridge.spi.destination.WriteResult;
import dev.nsbridge.spi.errors.AuthenticationException;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.errors.TransientException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code put}: the records' documents as rows, delivered together through the flow's delivery, each refusal
 * traced back to the records of its document and reported with its reason.
 *
 * <p>nsbridge's errors become Connect's in this one place: a transient failure (Klaviyo unreachable, limits spent
 * past the retries) is a {@link RetriableException}, so Connect offers the same records again and the delivery's
 * idempotence absorbs what already went out; a refused key or a wrong setting stops the task, since no retry can
 * fix it; anything else a batch throws is looked for record by record, so one malformed document costs only itself.
 */
final class DocumentDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentDelivery.class);

    private final Delivery delivery;
    private final WriteOptions options;
    private final ErrantRecords errant;
    private final StructRows structRows = new StructRows();

    DocumentDelivery(Delivery delivery, WriteOptions options, ErrantRecords errant) {
        this.delivery = delivery;
        this.options = options;
        this.errant = errant;
    }

    void deliver(Collection<SinkRecord> records) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, List<SinkRecord>> byKey = new LinkedHashMap<>();
        for (SinkRecord record : records) {
            if (record.value() == null) {
                continue; // a deletion in NetSuite: Klaviyo keeps what it was sent, as the command line's flows do
            }
            try {
                Map<String, Object> row = structRows.row(record.value());
                rows.add(row);
                byKey.computeIfAbsent(String.valueOf(row.get(StructRows.KEY)), key -> new ArrayList<>()).add(record);
            } catch (DataException malformed) {
                errant.report(record, "not a " + options.pipeline() + " document: " + malformed.getMessage());
            }
        }
        if (!rows.isEmpty()) {
            WriteResult result = send(rows);
            for (RecordError refused : result.errors()) {
                for (SinkRecord record : byKey.getOrDefault(refused.recordKey(), List.of())) {
                    errant.report(record, refused.code() + ": " + refused.reason());
                }
            }
            result.warnings().forEach(warning -> LOG.warn("Sent {} without part of it: {} {}", warning.recordKey(),
                    warning.code(), warning.reason()));
        }
        errant.await();
    }

    private WriteResult send(List<Map<String, Object>> rows) {
        try {
            return delivery.deliver(rows, options);
        } catch (TransientException | AuthenticationException | ConfigurationException stop) {
            throw toConnect(stop);
        } catch (RuntimeException batchFailed) {
            if (rows.size() == 1) {
                String key = String.valueOf(rows.get(0).get(StructRows.KEY));
                return new WriteResult(0, 0, List.of(new RecordError(key, "DOCUMENT_UNDELIVERABLE",
                        String.valueOf(batchFailed.getMessage()), "")));
            }
            LOG.warn("A batch of {} documents failed as a whole ({}); delivering them one by one", rows.size(),
                    batchFailed.getMessage());
            return oneByOne(rows);
        }
    }

    private WriteResult oneByOne(List<Map<String, Object>> rows) {
        long written = 0;
        List<RecordError> errors = new ArrayList<>();
        List<RecordError> warnings = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            WriteResult one = send(List.of(row));
            written += one.written();
            errors.addAll(one.errors());
            warnings.addAll(one.warnings());
        }
        return new WriteResult(written, 0, errors, warnings, List.of());
    }

    private static ConnectException toConnect(RuntimeException failure) {
        if (failure instanceof TransientException) {
            return new RetriableException(failure.getMessage(), failure);
        }
        return new ConnectException(failure.getMessage(), failure);
    }
}
