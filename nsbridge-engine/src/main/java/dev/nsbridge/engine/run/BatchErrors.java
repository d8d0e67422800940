package dev.nsbridge.engine.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.data.RecordError;
import dev.nsbridge.spi.errors.RecordException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * When a destination refuses a whole batch with a {@link RecordException} instead of naming the records, each
 * row becomes a stored error with its row as payload, so none is lost and each can be retried.
 */
final class BatchErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchErrors() {
    }

    static List<RecordError> of(Batch batch, List<String> keyColumns, RecordException refusal) {
        String reason = Failures.describe(refusal);
        List<RecordError> errors = new ArrayList<>(batch.size());
        for (int row = 0; row < batch.size(); row++) {
            errors.add(new RecordError(key(batch, row, keyColumns), refusal.code(), reason, payload(batch, row)));
        }
        return errors;
    }

    private static String key(Batch batch, int row, List<String> keyColumns) {
        if (keyColumns.isEmpty()) {
            return "row " + row;
        }
        int r = row;
        return keyColumns.stream().map(column -> String.valueOf(batch.value(r, column)))
                .collect(Collectors.joining("/"));
    }

    private static String payload(Batch batch, int row) {
        Map<String, Object> values = new LinkedHashMap<>();
        Object[] cells = batch.rows().get(row);
        for (int column = 0; column < batch.schema().size(); column++) {
            Object value = cells[column];
            // Dates and times travel as ISO 8601 text; numbers and booleans stay JSON numbers and booleans.
            values.put(batch.schema().column(column).name(), value == null || value instanceof Number
                    && !(value instanceof BigDecimal) || value instanceof Boolean ? value : value.toString());
        }
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }
}
