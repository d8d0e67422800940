package dev.nsbridge.netsuite.suiteql;

import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A {@code SELECT} over one table or over a query, built from typed columns: the one place nsbridge writes SuiteQL.
 * Over a table, DATE and TIMESTAMP columns are projected with {@code TO_CHAR} so they arrive exact rather than in
 * the user's date format; over a query the columns are the query's own (its author projects dates with
 * {@code TO_CHAR}). Names are validated, values are {@code ?} parameters. Immutable: every method answers a new
 * select.
 *
 * @param table      the table, e.g. {@code transactionline}; over a query, the query's alias
 * @param subquery   where present, the FROM is this query (a user's own SuiteQL select), named {@code table}
 * @param columns    the columns to project, with their types
 * @param conditions joined with {@code AND}
 * @param orderBy    the sort columns
 */
public record SuiteQlSelect(String table, Optional<SuiteQlQuery> subquery, List<Column> columns,
                            List<Condition> conditions, List<String> orderBy) {

    public SuiteQlSelect {
        Identifiers.require(table, "table");
        Objects.requireNonNull(subquery, "subquery");
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
        return new SuiteQlSelect(table, Optional.empty(), columns, List.of(), List.of());
    }

    /**
     * A select over {@code query}, an inline view named {@code alias}: {@code SELECT cols FROM (query) alias}. The
     * query stands on lines of its own, so a {@code --} comment at its end cannot swallow what follows. SuiteQL
     * takes inline views: NetSuite's own query engine writes them when it turns a workbook query into SuiteQL
     * ({@code FROM customrecord_x, (SELECT item.id AS id, ... FROM item, itemprice WHERE ...) item_SUB}), and, as
     * in Oracle, the alias follows the parentheses without {@code AS}.
     */
    public static SuiteQlSelect fromQuery(SuiteQlQuery query, String alias, List<Column> columns) {
        return new SuiteQlSelect(alias, Optional.of(query), columns, List.of(), List.of());
    }

    /** A condition in SuiteQL with {@code ?} placeholders and their values. */
    public record Condition(String text, List<String> params) {
        public Condition {
            Objects.requireNonNull(text, "text");
            params = List.copyOf(params);
        }
    }

    /**
     * A column of a keyset, and how SuiteQL compares it. A timestamp a query projected with
     * {@code TO_CHAR(col, 'YYYY-MM-DD HH24:MI:SS')} is text to the outer select: it is compared through
     * {@code TO_DATE} with the same format on both sides, never with a bare string, which Oracle would convert
     * through the session's date format (the user's preference, e.g. M/D/YYYY) and refuse or misread. Oracle's
     * SuiteQL best practices (article_0824094533) allow no date literals: dates are written through TO_DATE. TO_CHAR
     * renders in the user's time zone and the parameter is the user's wall-clock time too
     * ({@link DateConventions#toDateParameter}), so both sides of the comparison are on the same clock, exact to the
     * second NetSuite keeps. Ordering by the text itself is the same order: the format is fixed-width, largest unit
     * first.
     *
     * @param column          the column's name
     * @param toCharTimestamp whether the column is {@code TO_CHAR} text of a date
     */
    public record KeyColumn(String column, boolean toCharTimestamp) {
        public KeyColumn {
            Identifiers.require(column, "column");
        }

        public static KeyColumn plain(String column) {
            return new KeyColumn(column, false);
        }

        String expression() {
            return toCharTimestamp ? "TO_DATE(" + column + ", '" + DateConventions.TO_CHAR_FORMAT + "')" : column;
        }

        String placeholder() {
            return toCharTimestamp ? "TO_DATE(?, '" + DateConventions.TO_CHAR_FORMAT + "')" : "?";
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

    /** Rows where {@code column} has a value. */
    public SuiteQlSelect whereNotNull(String column) {
        return and(new Condition(Identifiers.require(column, "column") + " IS NOT NULL", List.of()));
    }

    /** Rows whose {@code key} compares with {@code value} by {@code operator}: {@code >=}, {@code >}, {@code <} or {@code <=}. */
    public SuiteQlSelect compared(KeyColumn key, String operator, String value) {
        if (!List.of(">=", ">", "<", "<=").contains(operator)) {
            throw new IllegalArgumentException("not a comparison: " + operator);
        }
        return and(new Condition(key.expression() + " " + operator + " " + key.placeholder(), List.of(value)));
    }

    /**
     * Rows after {@code last} in the order of {@code keys}: {@code id > ?} for one key, and for two
     * {@code k1 > ? OR (k1 = ? AND k2 > ?)}, written out because SuiteQL has no row-value comparison.
     */
    public SuiteQlSelect after(List<String> keys, List<String> last) {
        return afterKeys(keys.stream().map(KeyColumn::plain).toList(), last);
    }

    /**
     * Rows after {@code last} in the order of {@code keys}, for any number of keys:
     * {@code k1 > ? OR (k1 = ? AND k2 > ?) OR (k1 = ? AND k2 = ? AND k3 > ?)}.
     */
    public SuiteQlSelect afterKeys(List<KeyColumn> keys, List<String> last) {
        if (keys.size() != last.size() || keys.isEmpty()) {
            throw new IllegalArgumentException("a keyset needs at least one key and a value for each");
        }
        List<String> alternatives = new ArrayList<>();
        List<String> params = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            List<String> terms = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                terms.add(keys.get(j).expression() + " = " + keys.get(j).placeholder());
                params.add(last.get(j));
            }
            terms.add(keys.get(i).expression() + " > " + keys.get(i).placeholder());
            params.add(last.get(i));
            alternatives.add(terms.size() == 1 ? terms.get(0) : "(" + String.join(" AND ", terms) + ")");
        }
        return and(new Condition(String.join(" OR ", alternatives), params));
    }

    /**
     * Rows whose {@code keys} take one of {@code values}: {@code k IN (?, ...)} for one key, and
     * {@code (k1 = ? AND k2 = ?) OR ...} for more. SuiteQL allows at most 1,000 items in a list; the caller splits.
     */
    public SuiteQlSelect whereKeysIn(List<String> keys, List<List<String>> values) {
        if (keys.isEmpty() || values.isEmpty() || values.size() > SuiteQl.MAX_LIMIT) {
            throw new IllegalArgumentException("1 to " + SuiteQl.MAX_LIMIT + " keys, not " + values.size());
        }
        keys.forEach(key -> Identifiers.require(key, "column"));
        List<String> params = new ArrayList<>();
        values.forEach(value -> {
            if (value.size() != keys.size()) {
                throw new IllegalArgumentException("a key needs a value for each of " + keys);
            }
            params.addAll(value);
        });
        if (keys.size() == 1) {
            return and(new Condition(keys.get(0) + " IN (" + values.stream().map(v -> "?")
                    .collect(Collectors.joining(", ")) + ")", params));
        }
        String one = "(" + keys.stream().map(key -> key + " = ?").collect(Collectors.joining(" AND ")) + ")";
        return and(new Condition(values.stream().map(v -> one).collect(Collectors.joining(" OR ")), params));
    }

    /**
     * A condition the user wrote in nsbridge.yaml, in SuiteQL. It is the user's own query text, trusted like the
     * rest of the configuration, and kept in parentheses so it cannot loosen the conditions nsbridge adds.
     */
    public SuiteQlSelect where(Condition condition) {
        return and(condition);
    }

    public SuiteQlSelect orderedBy(List<String> columns) {
        return new SuiteQlSelect(table, subquery, this.columns, conditions, columns);
    }

    private SuiteQlSelect and(Condition condition) {
        List<Condition> all = new ArrayList<>(conditions);
        all.add(condition);
        return new SuiteQlSelect(table, subquery, columns, all, orderBy);
    }

    /** The FROM clause's text ({@code FROM} excluded) and its parameters, which precede the conditions'. */
    public Condition fromClause() {
        return subquery.map(query -> new Condition("(\n" + query.text() + "\n) " + table, query.params()))
                .orElseGet(() -> new Condition(table, List.of()));
    }

    public SuiteQlQuery toQuery() {
        StringBuilder text = new StringBuilder("SELECT ");
        text.append(columns.stream().map(this::projection).collect(Collectors.joining(", ")));
        Condition from = fromClause();
        text.append(" FROM ").append(from.text());
        List<String> params = new ArrayList<>(from.params());
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

    private String projection(Column column) {
        boolean date = column.type() == ColumnType.DATE || column.type() == ColumnType.TIMESTAMP;
        if (date && subquery.isEmpty()) {
            return "TO_CHAR(" + column.name() + ", '" + DateConventions.TO_CHAR_FORMAT + "') AS " + column.name();
        }
        return column.name();
    }
}
