package dev.nsbridge.warehouse;

import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.data.RecordSchema;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * How a stream's columns land in a table under a destination's {@link LoadMetadata}. With {@code nsbridge} they land
 * as they are. With {@code fivetran} booleans land as the text 'T'/'F' (NetSuite's own spelling, which such packages
 * compare with {@code = 'T'}), dates as timestamps at midnight UTC (which they cast back to dates), and every row
 * carries five more columns, written by the batch like any other column so every load method and both engines take
 * them unchanged; only a merge's deletions set them in SQL ({@link #deletionAssignments}).
 */
final class TableLayout {
    static final String SYNCED = "_fivetran_synced";
    static final String DELETED = "_fivetran_deleted";
    static final String ACTIVE = "_fivetran_active";
    static final String ROW_ID = "_fivetran_id";
    static final String DATE_DELETED = "date_deleted";
    private static final List<Column> FIVETRAN_COLUMNS = List.of(new Column(SYNCED, ColumnType.TIMESTAMP),
            new Column(DELETED, ColumnType.BOOLEAN), new Column(ACTIVE, ColumnType.BOOLEAN),
            new Column(ROW_ID, ColumnType.STRING), new Column(DATE_DELETED, ColumnType.TIMESTAMP));

    private final LoadMetadata metadata;
    private final List<String> key;

    /** @param key the columns whose values identify a row, hashed into {@code _fivetran_id} */
    TableLayout(LoadMetadata metadata, List<String> key) {
        this.metadata = metadata;
        this.key = List.copyOf(key);
    }

    /** The table's columns for these stream columns, nsbridge's own meta columns aside. */
    List<Column> columns(List<Column> source) {
        if (metadata == LoadMetadata.NSBRIDGE) {
            return List.copyOf(source);
        }
        return Stream.concat(source.stream().map(TableLayout::landed), FIVETRAN_COLUMNS.stream()).toList();
    }

    /** The batch as the table takes it: values in the landed types, the extra columns filled for a live row. */
    Batch land(Batch batch, Instant extractedAt) {
        if (metadata == LoadMetadata.NSBRIDGE) {
            return batch;
        }
        RecordSchema source = batch.schema();
        int[] keyPositions = keyPositions(source);
        List<Object[]> rows = new ArrayList<>(batch.rows().size());
        for (Object[] row : batch.rows()) {
            Object[] landed = new Object[source.size() + FIVETRAN_COLUMNS.size()];
            for (int i = 0; i < source.size(); i++) {
                landed[i] = landedValue(source.column(i), row[i]);
            }
            int extra = source.size();
            landed[extra] = extractedAt;
            landed[extra + 1] = false;
            landed[extra + 2] = true;
            landed[extra + 3] = rowId(row, keyPositions);
            landed[extra + 4] = null;
            rows.add(landed);
        }
        List<List<Object>> deletedKeys = batch.deletedKeys().stream().map(values -> landedKey(source, values))
                .toList();
        Optional<Batch.Scope> replaces = batch.replaces().map(scope -> new Batch.Scope(scope.column(),
                scope.values().stream().map(value -> landedValue(columnOf(source, scope.column()), value)).toList()));
        return new Batch(new RecordSchema(columns(source.columns())), rows, deletedKeys, replaces,
                batch.stateAfter(), batch.endsSnapshot());
    }

    /** What a merge sets besides nsbridge's own flag when it flags a row deleted at {@code stamp} (a SQL literal). */
    List<String> deletionAssignments(String stamp) {
        if (metadata == LoadMetadata.NSBRIDGE) {
            return List.of();
        }
        return List.of(Identifiers.quote(DELETED) + " = TRUE", Identifiers.quote(ACTIVE) + " = FALSE",
                Identifiers.quote(SYNCED) + " = " + stamp, Identifiers.quote(DATE_DELETED) + " = " + stamp);
    }

    /**
     * Whether a merge removes deleted rows even when told to flag them. A row keyed by several columns is a part of
     * a record (a transaction's line or accounting line, a book's subsidiary); the modelling packages sum lines without
     * looking at {@code _fivetran_deleted}, so a line removed in NetSuite and kept flagged would still count in the
     * balance sheet. Such parts are removed; whole records stay flagged.
     */
    boolean removesDeletedParts() {
        return metadata == LoadMetadata.FIVETRAN && key.size() > 1;
    }

    /** Refuses stream columns whose names the table keeps for load metadata. */
    void refuseReservedColumns(List<Column> columns) {
        for (Column column : columns) {
            boolean fivetran = metadata == LoadMetadata.FIVETRAN && FIVETRAN_COLUMNS.stream()
                    .anyMatch(meta -> meta.name().equalsIgnoreCase(column.name()));
            if (MetaColumns.isMeta(column.name()) || fivetran) {
                throw new ConfigurationException("CONFIG_INVALID_COLUMN", "The stream has a column named '"
                        + column.name() + "', a name the warehouse keeps for load metadata.",
                        "Leave that column out of the extract or rename it in a query.");
            }
        }
    }

    private static Column landed(Column column) {
        return switch (column.type()) {
            case BOOLEAN -> new Column(column.name(), ColumnType.STRING);
            case DATE -> new Column(column.name(), ColumnType.TIMESTAMP);
            default -> column;
        };
    }

    private static Object landedValue(Column column, Object value) {
        if (value == null) {
            return null;
        }
        return switch (column.type()) {
            case BOOLEAN -> Values.as(Boolean.class, value, column) ? "T" : "F";
            case DATE -> Values.as(LocalDate.class, value, column).atStartOfDay(ZoneOffset.UTC).toInstant();
            default -> value;
        };
    }

    private List<Object> landedKey(RecordSchema source, List<Object> values) {
        List<Object> landed = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            landed.add(i < key.size() ? landedValue(columnOf(source, key.get(i)), values.get(i)) : values.get(i));
        }
        return landed;
    }

    private static Column columnOf(RecordSchema schema, String name) {
        int position = schema.indexOf(name);
        // A column the batch lacks is reported where it is used; its values pass through unchanged.
        return position < 0 ? new Column(name, ColumnType.STRING) : schema.column(position);
    }

    /** The key's positions in the batch, or every column when the batch lacks one (a stream without a key). */
    private int[] keyPositions(RecordSchema schema) {
        int[] positions = key.stream().mapToInt(schema::indexOf).toArray();
        boolean whole = positions.length == key.size() && positions.length > 0
                && Arrays.stream(positions).allMatch(position -> position >= 0);
        return whole ? positions : IntStream.range(0, schema.size()).toArray();
    }

    /**
     * A stable id from the key's values: the same key gives the same id in every run and both engines. MD5 serves
     * an identifier that only has to be stable and well spread; each value is length-prefixed so that no two keys
     * run together into one text.
     */
    private static String rowId(Object[] row, int[] keyPositions) {
        StringBuilder text = new StringBuilder();
        for (int position : keyPositions) {
            String value = canonical(row[position]);
            text.append(value == null ? "-" : value.length() + ":" + value).append('|');
        }
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime provides MD5", impossible);
        }
    }

    private static String canonical(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString() : value.toString();
    }
}
