package dev.nsbridge.netsuite.source;

import dev.nsbridge.netsuite.suiteql.SuiteQl;
import dev.nsbridge.netsuite.suiteql.SuiteQlQuery;
import dev.nsbridge.netsuite.suiteql.SuiteQlRow;
import dev.nsbridge.spi.config.Suggestions;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Describes a user's SuiteQL query as a stream: its columns as declared, or else typed from the first page of
 * answers (NetSuite sends every value as a string, so the type is the narrowest that reads every value on the page;
 * a column empty on the whole page is left out and must be declared); its primary key is the declared unique key
 * and its cursor the declared incremental key.
 */
public final class QueryStreams {
    static final int SAMPLE_ROWS = SuiteQl.MAX_LIMIT;
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d*\\.\\d+|-?\\d+");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

    private final SuiteQl suiteQl;

    public QueryStreams(SuiteQl suiteQl) {
        this.suiteQl = suiteQl;
    }

    /**
     * @param name           the stream's name
     * @param query          the SuiteQL query (project dates with TO_CHAR to get them exact)
     * @param uniqueKey      the columns that identify a row
     * @param incrementalKey the cursor, if the query has one
     * @param columns        declared columns; empty to type them from the first page
     */
    public record Definition(String name, String query, List<String> uniqueKey, Optional<String> incrementalKey,
                             List<Column> columns) {
        public Definition {
            uniqueKey = List.copyOf(uniqueKey);
            columns = List.copyOf(columns);
        }
    }

    public StreamDescriptor describe(Definition definition) {
        String query = SingleSelect.check(definition.name(), definition.query());
        List<Column> columns = definition.columns().isEmpty() ? sampled(definition.name(), query)
                : definition.columns();
        List<String> names = columns.stream().map(Column::name).toList();
        if (definition.uniqueKey().isEmpty()) {
            throw new ConfigurationException("NETSUITE_QUERY_NEEDS_KEY", "query stream " + definition.name()
                    + " has no unique key", "declare unique_key: the columns that identify a row, e.g. id");
        }
        List<String> key = definition.uniqueKey().stream().map(k -> known(k, names, definition.name())).toList();
        Optional<String> cursor = definition.incrementalKey().map(k -> known(k, names, definition.name()));
        cursor.ifPresent(c -> {
            ColumnType type = columns.get(names.indexOf(c)).type();
            if (type != ColumnType.TIMESTAMP && type != ColumnType.DATE) {
                throw cursorNotADate(definition.name(), c);
            }
        });
        return new StreamDescriptor(definition.name(), columns, key, cursor);
    }

    /**
     * A query's incremental key must arrive exact, as {@code TO_CHAR} text: SuiteQL renders a bare date in the
     * user's date preference with the time dropped, which neither orders nor compares as the time does.
     */
    static ConfigurationException cursorNotADate(String stream, String cursor) {
        return new ConfigurationException("NETSUITE_QUERY_CURSOR_NOT_EXACT", "the incremental key " + cursor
                + " of query " + stream + " is not a date in the form YYYY-MM-DD HH24:MI:SS", "project it in the"
                + " query as TO_CHAR(<date column>, 'YYYY-MM-DD HH24:MI:SS') AS " + cursor);
    }

    private List<Column> sampled(String stream, String query) {
        List<SuiteQlRow> rows;
        try {
            rows = suiteQl.page(SuiteQlQuery.of(query), 0, SAMPLE_ROWS).rows();
        } catch (ConfigurationException refused) {
            throw new ConfigurationException(refused.code(), "query " + stream + ": " + refused.getMessage(),
                    refused.fix().orElse("fix the query"), refused);
        }
        if (rows.isEmpty()) {
            throw new ConfigurationException("NETSUITE_QUERY_NO_ROWS", "query " + stream + " answers no rows, so"
                    + " its columns cannot be learnt from it", "check the query's conditions, or run it once rows"
                    + " exist");
        }
        TreeSet<String> names = new TreeSet<>();
        rows.forEach(row -> names.addAll(row.names()));
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (String name : names) {
            types.put(name, typeOf(rows.stream().map(row -> row.string(name)).filter(v -> v != null && !v.isEmpty())
                    .toList()));
        }
        List<Column> columns = new ArrayList<>();
        types.forEach((name, type) -> columns.add(new Column(name, type)));
        return columns;
    }

    /** The narrowest type that reads every value; booleans only as NetSuite's T and F. */
    static ColumnType typeOf(List<String> values) {
        if (values.isEmpty()) {
            return ColumnType.STRING;
        }
        if (values.stream().allMatch(v -> v.equals("T") || v.equals("F"))) {
            return ColumnType.BOOLEAN;
        }
        if (values.stream().allMatch(v -> INTEGER.matcher(v).matches())) {
            return ColumnType.INTEGER;
        }
        if (values.stream().allMatch(v -> DECIMAL.matcher(v).matches())) {
            return ColumnType.DECIMAL;
        }
        if (values.stream().allMatch(v -> TIMESTAMP.matcher(v).matches())) {
            return ColumnType.TIMESTAMP;
        }
        return ColumnType.STRING;
    }

    private static String known(String column, List<String> names, String stream) {
        return names.stream().filter(n -> n.equalsIgnoreCase(column)).findFirst().orElseThrow(() ->
                new ConfigurationException("NETSUITE_UNKNOWN_COLUMN", "'" + column + "' is not a column of query "
                        + stream + " (columns: " + String.join(", ", names) + ")", Suggestions.closest(
                        column.toLowerCase(Locale.ROOT), names).map(n -> "did you mean " + n + "?")
                        .orElse("declare the column, or check the query's column aliases")));
    }
}
