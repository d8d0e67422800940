package dev.nsbridge.kafka.connect.sink;

import dev.nsbridge.spi.data.NestedRecords;
import dev.nsbridge.spi.data.RecordSchema;
import dev.nsbridge.spi.data.RowMap;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * A flow document as Kafka carries it (a {@link Struct}, its lines an array of structs) back into the row a flow's
 * delivery reads: a {@link RowMap} whose values have the Java types of their {@link ColumnType}, its lines
 * {@link NestedRecords}, exactly as the flow's NetSuite read hands them over. So the sink maps a document with the
 * very code the command line runs, not a second reading of it.
 *
 * <p>Anything that cannot be such a row (no struct, a field of a type no document holds, no {@value #KEY} field)
 * is a {@link DataException} naming the field, for the dead letter queue.
 */
public final class StructRows {
    /** The field every flow document is keyed by: the NetSuite internal id, which refusals name. */
    static final String KEY = "id";

    private final Map<Schema, RecordSchema> schemas = new ConcurrentHashMap<>();

    /** The document a record's value holds, as a flow's row. */
    public RowMap row(Object value) {
        if (!(value instanceof Struct struct)) {
            throw new DataException("the record's value is " + (value == null ? "empty" : "a "
                    + value.getClass().getSimpleName()) + ", not a flow document (a struct with a schema)");
        }
        RowMap row = toRow(struct);
        if (row.get(KEY) == null) {
            throw new DataException("the flow document has no '" + KEY + "': every document is keyed by the"
                    + " NetSuite internal id of its record");
        }
        return row;
    }

    private RowMap toRow(Struct struct) {
        return new RowMap(schemas.computeIfAbsent(struct.schema(), StructRows::recordSchema), values(struct));
    }

    /** The struct's values in field order, which is its {@link RecordSchema}'s column order. */
    private Object[] values(Struct struct) {
        List<Field> fields = struct.schema().fields();
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            Field field = fields.get(i);
            values[i] = value(field, struct.get(field));
        }
        return values;
    }

    private Object value(Field field, Object value) {
        if (value == null) {
            return null;
        }
        Schema schema = field.schema();
        return switch (columnType(field)) {
            case STRING -> value.toString();
            case INTEGER -> ((Number) value).longValue();
            case BOOLEAN -> value;
            case DECIMAL -> value instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf(((Number) value)
                    .doubleValue());
            case DATE -> LocalDate.ofInstant(((java.util.Date) value).toInstant(), ZoneOffset.UTC);
            case TIMESTAMP -> ((java.util.Date) value).toInstant();
            case RECORDS -> nested(schema.valueSchema(), (List<?>) value);
        };
    }

    private NestedRecords nested(Schema lineSchema, List<?> lines) {
        RecordSchema schema = schemas.computeIfAbsent(lineSchema, StructRows::recordSchema);
        List<Object[]> rows = new ArrayList<>(lines.size());
        for (Object line : lines) {
            if (!(line instanceof Struct struct)) {
                throw new DataException("a nested record is empty or not a struct");
            }
            rows.add(values(struct));
        }
        return new NestedRecords(schema, rows);
    }

    /** The columns a struct schema describes, in field order. */
    static RecordSchema recordSchema(Schema struct) {
        if (struct.type() != Schema.Type.STRUCT) {
            throw new DataException("a flow document is a struct, not " + struct.type());
        }
        return new RecordSchema(struct.fields().stream().map(field -> new Column(field.name(), columnType(field)))
                .toList());
    }

    /**
     * The column type of a field: Connect's logical types first (Decimal, Date, Timestamp), then its plain types; an
     * array of structs is a document's lines. Floats are read as decimals, since a converter without schemas may
     * have turned amounts into doubles.
     */
    static ColumnType columnType(Field field) {
        Schema schema = field.schema();
        String logical = schema.name();
        if (Decimal.LOGICAL_NAME.equals(logical)) {
            return ColumnType.DECIMAL;
        }
        if (Timestamp.LOGICAL_NAME.equals(logical)) {
            return ColumnType.TIMESTAMP;
        }
        if (Date.LOGICAL_NAME.equals(logical)) {
            return ColumnType.DATE;
        }
        return switch (schema.type()) {
            case STRING -> ColumnType.STRING;
            case INT8, INT16, INT32, INT64 -> ColumnType.INTEGER;
            case FLOAT32, FLOAT64 -> ColumnType.DECIMAL;
            case BOOLEAN -> ColumnType.BOOLEAN;
            case ARRAY -> {
                if (schema.valueSchema().type() != Schema.Type.STRUCT) {
                    throw new DataException("field '" + field.name() + "' is an array of "
                            + schema.valueSchema().type() + "; a flow document nests only records (structs)");
                }
                yield ColumnType.RECORDS;
            }
            default -> throw new DataException("field '" + field.name() + "' has the Connect type " + schema.type()
                    + ", which no flow document holds");
        };
    }
}
