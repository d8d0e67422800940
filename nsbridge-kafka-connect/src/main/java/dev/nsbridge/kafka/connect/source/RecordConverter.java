package dev.nsbridge.kafka.connect.source;

import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.data.RecordSchema;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;

/**
 * One stream's records as Connect data: the key is a struct of the primary-key columns, the value a struct of
 * every column read, with Connect's logical types (DECIMAL as {@link Decimal} at a fixed scale, TIMESTAMP as
 * {@link Timestamp}, DATE as Connect's {@code Date}) so a sink creates typed columns. Every value field is optional:
 * NetSuite leaves empty fields out. Schemas are built once per batch shape.
 */
final class RecordConverter {
    /** The value field that marks the flagged record of a deletion. */
    static final String DELETED_FIELD = "__deleted";

    private final String stream;
    private final List<String> primaryKey;
    private final int decimalScale;
    private final boolean flagDeletions;
    private final Map<RecordSchema, Schemas> schemas = new ConcurrentHashMap<>();

    RecordConverter(String stream, List<String> primaryKey, int decimalScale, boolean flagDeletions) {
        this.stream = stream;
        this.primaryKey = List.copyOf(primaryKey);
        this.decimalScale = decimalScale;
        this.flagDeletions = flagDeletions;
    }

    /** The key and value schemas of a batch of this shape. */
    Schemas schemas(RecordSchema schema) {
        return schemas.computeIfAbsent(schema, this::build);
    }

    /** A row's key struct. */
    Struct key(RecordSchema schema, Object[] row) {
        Schemas both = schemas(schema);
        Struct key = new Struct(both.key());
        for (int i = 0; i < both.keyPositions().length; i++) {
            key.put(both.key().fields().get(i), convert(schema.column(both.keyPositions()[i]).type(),
                    both.key().fields().get(i).schema(), row[both.keyPositions()[i]]));
        }
        return key;
    }

    /** A deleted record's key struct, from its key values in the primary key's order. */
    Struct deletedKey(RecordSchema schema, List<Object> keyValues) {
        Schemas both = schemas(schema);
        Struct key = new Struct(both.key());
        for (int i = 0; i < keyValues.size() && i < both.keyPositions().length; i++) {
            key.put(both.key().fields().get(i), convert(schema.column(both.keyPositions()[i]).type(),
                    both.key().fields().get(i).schema(), keyValues.get(i)));
        }
        return key;
    }

    /** A row's value struct. */
    Struct value(RecordSchema schema, Object[] row) {
        Schemas both = schemas(schema);
        Struct value = new Struct(both.value());
        for (int i = 0; i < schema.size(); i++) {
            value.put(both.value().fields().get(i), convert(schema.column(i).type(),
                    both.value().fields().get(i).schema(), row[i]));
        }
        if (flagDeletions) {
            value.put(DELETED_FIELD, false);
        }
        return value;
    }

    /** The flagged record of a deletion: the key's columns and {@value #DELETED_FIELD} true, nothing else. */
    Struct deletedValue(RecordSchema schema, Struct key) {
        Schemas both = schemas(schema);
        Struct value = new Struct(both.value());
        for (org.apache.kafka.connect.data.Field field : both.key().fields()) {
            value.put(field.name(), key.get(field));
        }
        value.put(DELETED_FIELD, true);
        return value;
    }

    boolean flagsDeletions() {
        return flagDeletions;
    }

    private Schemas build(RecordSchema schema) {
        String base = "dev.nsbridge.netsuite." + stream.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        SchemaBuilder value = SchemaBuilder.struct().name(base + ".Value").optional();
        for (Column column : schema.columns()) {
            value.field(column.name(), columnSchema(column.type(), column.name()));
        }
        if (flagDeletions) {
            value.field(DELETED_FIELD, Schema.OPTIONAL_BOOLEAN_SCHEMA);
        }
        SchemaBuilder key = SchemaBuilder.struct().name(base + ".Key");
        int[] positions = new int[primaryKey.size()];
        for (int i = 0; i < primaryKey.size(); i++) {
            int position = schema.indexOf(primaryKey.get(i));
            if (position < 0) {
                throw new IllegalStateException(stream + ": the batch has no key column " + primaryKey.get(i));
            }
            positions[i] = position;
            Column column = schema.column(position);
            key.field(column.name(), columnSchema(column.type(), column.name()));
        }
        return new Schemas(key.build(), value.build(), positions);
    }

    private Schema columnSchema(ColumnType type, String name) {
        return switch (type) {
            case STRING -> Schema.OPTIONAL_STRING_SCHEMA;
            case INTEGER -> Schema.OPTIONAL_INT64_SCHEMA;
            case DECIMAL -> Decimal.builder(decimalScale).optional().build();
            case BOOLEAN -> Schema.OPTIONAL_BOOLEAN_SCHEMA;
            case DATE -> org.apache.kafka.connect.data.Date.builder().optional().build();
            case TIMESTAMP -> Timestamp.builder().optional().build();
            // Only documents (a flow's orders with their lines) carry nested records, never a table or query.
            case RECORDS -> throw new IllegalStateException(name + ": nested records are not read from tables");
        };
    }

    private Object convert(ColumnType type, Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case STRING -> value.toString();
            case INTEGER -> ((Number) value).longValue();
            // Decimal fields have one scale: rounding half-even past it, as the DuckDB warehouse stores them.
            case DECIMAL -> ((BigDecimal) value).setScale(decimalScale, RoundingMode.HALF_EVEN);
            case BOOLEAN -> value;
            case DATE -> Date.from(((LocalDate) value).atStartOfDay(ZoneOffset.UTC).toInstant());
            case TIMESTAMP -> Date.from((Instant) value);
            case RECORDS -> throw new IllegalStateException("nested records are not read from tables");
        };
    }

    /** A batch shape's schemas, and where each key column sits in its rows. */
    record Schemas(Schema key, Schema value, int[] keyPositions) {
    }

    /** Whether a batch only closes a read: no rows and no deletions for this stream to send. */
    static boolean carriesNoRecords(Batch batch) {
        return batch.rows().isEmpty() && batch.deletedKeys().isEmpty();
    }
}
