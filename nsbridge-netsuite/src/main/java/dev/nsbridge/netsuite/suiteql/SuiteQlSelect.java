package dev.nsbridge.netsuite.suiteql;

import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A {@code SELECT} over one table, built from its typed columns. DATE and TIMESTAMP columns are projected with
 * {@code TO_CHAR} so they arrive exact rather than in the user's date format; names are validated, values are
 * {@code ?} parameters. Immutable: every method answers a new select.
 *
 * @param table      the table, e.g. {@code transactionline}
 * @param columns    the columns to project, with their types
 * @param conditions joined with {@code AND}
 * @param orderBy    the sort columns
 */
public record SuiteQlSelect(String table, List<Column> columns, List<Condition> conditions, List<String> orderBy) {

    public SuiteQlSelect {
        Identifiers.require(table, "table");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a select needs at least one column");
        }
        columns.forEach(column -> Identifiers.require(column.name(), "column"));
        conditions = List.copyOf(conditions);
        orderBy = List.copyOf(orderBy);
        orderBy.forEach(column -> Identifiers.require(column, "column"));
    }

    public static SuiteQlSelect from(String table, List<Column> columns) {
        return new SuiteQlSelect(table, columns, List.of(), List.of());
    }

    /** A condition in SuiteQL with {@code ?} placeholders and their values. */
    public record Condition(String text, List<String> params) {
        public Condition {
            Objects.requireNonNull(text, "text");
            params = List.copyOf(params);
        }
    }

    /** Rows whose {@code column} is at or after ({@code inclusive}) or strictly after {@code from}. */
    public SuiteQlSelect changedSince(String column, Instant from, boolean inclusive, DateConventions dates) {
        return and(new Condition(Identifiers.require(column, "column") + (inclusive ? " >= " : " > ")
                + "TO_DATE(?, '" + DateConventions.TO_CHAR_FORMAT + "')", List.of(dates.toDateParameter(from))));
    }

    /** Rows whose {@code column} is strictly before {@code to}. */
    public SuiteQlSelect changedBefore(String column, Instant to, DateConventions dates) {
        return and(new Condition(Identifiers.require(column, "column") + " < TO_DATE(?, '"
                + DateConventions.TO_CHAR_FORMAT + "')", List.of(dates.toDateParameter(to))));
    }

    /** Rows whose numeric {@code column} lies in {@code [from, to)}, so id ranges can be read in parallel. */
    public SuiteQlSelect range(String column, long from, long to) {
        String name = Identifiers.require(column, "column");
        return and(new Condition(name + " >= ? AND " + name + " < ?", List.of(Long.toString(from), Long.toString(to))));
    }

    /** {@code column = value}, the value as a parameter. */
    public SuiteQlSelect whereEquals(String column, String value) {
        return and(new Condition(Identifiers.require(column, "column") + " = ?", List.of(value)));
    }

    /**
     * Rows after {@code last} in the order of {@code keys}: {@code id > ?} for one key, and for two
     * {@code k1 > ? OR (k1 = ? AND k2 > ?)}, written out because SuiteQL has no row-value comparison.
     */
    public SuiteQlSelect after(List<String> keys, List<String> last) {
        if (keys.size() != last.size() || keys.isEmpty() || keys.size() > 2) {
            throw new IllegalArgumentException("a keyset needs one or two keys and a value for each");
        }
        String first = Identifiers.require(keys.get(0), "column");
        if (keys.size() == 1) {
            return and(new Condition(first + " > ?", List.of(last.get(0))));
        }
        String second = Identifiers.require(keys.get(1), "column");
        return and(new Condition(first + " > ? OR (" + first + " = ? AND " + second + " > ?)",
                List.of(last.get(0), last.get(0), last.get(1))));
    }

    /**
     * A condition the user wrote in nsbridge.yaml, in SuiteQL. It is the user's own query text, trusted like the
     * rest of the configuration, and kept in parentheses so it cannot loosen the conditions nsbridge adds.
     */
    public SuiteQlSelect where(Condition condition) {
        return and(condition);
    }

    public SuiteQlSelect orderedBy(List<String> columns) {
        return new SuiteQlSelect(table, this.columns, conditions, columns);
    }

    private SuiteQlSelect and(Condition condition) {
        List<Condition> all = new ArrayList<>(conditions);
        all.add(condition);
        return new SuiteQlSelect(table, columns, all, orderBy);
    }

    public SuiteQlQuery toQuery() {
        StringBuilder text = new StringBuilder("SELECT ");
        text.append(columns.stream().map(SuiteQlSelect::projection).collect(Collectors.joining(", ")));
        text.append(" FROM ").append(table);
        List<String> params = new ArrayList<>();
        if (!conditions.isEmpty()) {
            text.append(" WHERE ").append(conditions.stream().map(c -> "(" + c.text() + ")")
                    .collect(Collectors.joining(" AND ")));
            conditions.forEach(c -> params.addAll(c.params()));
        }
        if (!orderBy.isEmpty()) {
            text.append(" ORDER BY ").append(String.join(", ", orderBy));
        }
        return new SuiteQlQuery(text.toString(), params);
    }

    private static String projection(Column column) {
        if (column.type() == ColumnType.DATE || column.type() == ColumnType.TIMESTAMP) {
            return "TO_CHAR(" + column.name() + ", '" + DateConventions.TO_CHAR_FORMAT + "') AS " + column.name();
        }
        return column.name();
    }
}
