package dev.nsbridge.netsuite.suiteql;

import dev.nsbridge.spi.data.RecordSchema;
import dev.nsbridge.spi.stream.ColumnType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One row of a SuiteQL answer. NetSuite sends every value as a string and leaves NULL columns out; names are
 * compared case-insensitively because Oracle warns their casing may change. A missing column reads as null.
 */
public final class SuiteQlRow {
    private final PageColumns columns;
    private final String[] values;
    private final DateConventions dates;

    /** @param values each column's value at its position in {@code columns}, or null; may be shorter than them */
    SuiteQlRow(PageColumns columns, String[] values, DateConventions dates) {
        this.columns = columns;
        this.values = values;
        this.dates = dates;
    }

    public static SuiteQlRow of(Map<String, String> values, DateConventions dates) {
        PageColumns columns = new PageColumns();
        String[] row = new String[values.size()];
        values.forEach((name, value) -> row[columns.positionOf(name.toLowerCase(Locale.ROOT))] = value);
        return new SuiteQlRow(columns, row, dates);
    }

    /** The column names present in this row, lower case. */
    public Set<String> names() {
        return present().keySet();
    }

    public String string(String name) {
        int position = columns.find(name.toLowerCase(Locale.ROOT));
        return position < 0 || position >= values.length ? null : values[position];
    }

    public Long integer(String name) {
        String value = string(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        // A whole number may arrive as "12.0" when NetSuite computed it.
        return value.indexOf('.') < 0 ? Long.valueOf(value) : new BigDecimal(value).longValueExact();
    }

    public BigDecimal decimal(String name) {
        String value = string(name);
        return value == null || value.isEmpty() ? null : new BigDecimal(value);
    }

    /** NetSuite's {@code T}/{@code F}. */
    public Boolean bool(String name) {
        String value = string(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "T", "TRUE" -> Boolean.TRUE;
            case "F", "FALSE" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("'" + value + "' in " + name + " is not T or F");
        };
    }

    public LocalDate date(String name) {
        String value = string(name);
        return value == null || value.isEmpty() ? null : dates.date(value);
    }

    public Instant timestamp(String name) {
        String value = string(name);
        return value == null || value.isEmpty() ? null : dates.timestamp(value);
    }

    /** The value as the Java type {@code type} names. */
    public Object value(String name, ColumnType type) {
        return switch (type) {
            case STRING -> string(name);
            case INTEGER -> integer(name);
            case DECIMAL -> decimal(name);
            case BOOLEAN -> bool(name);
            case DATE -> date(name);
            case TIMESTAMP -> timestamp(name);
            case RECORDS -> throw new IllegalArgumentException(name + ": a SuiteQL row holds no nested records");
        };
    }

    /** The row laid out for a batch; columns the row lacks are null. */
    public Object[] toArray(RecordSchema schema) {
        Object[] row = new Object[schema.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = value(schema.column(i).name(), schema.column(i).type());
        }
        return row;
    }

    @Override
    public String toString() {
        return "SuiteQlRow" + present();
    }

    private Map<String, String> present() {
        Map<String, String> present = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                present.put(columns.name(i), values[i]);
            }
        }
        return Collections.unmodifiableMap(present);
    }
}
