package dev.nsbridge.flows.read;

import dev.nsbridge.netsuite.suiteql.DateConventions;
import dev.nsbridge.netsuite.suiteql.SuiteQlQuery;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A flow's SuiteQL read: joined tables, projected columns and fixed conditions, read incrementally by a
 * modification date with the record's id as tie-breaker. SuiteQL has no row-value comparison, so the keyset
 * condition is written out; the date is compared through {@code TO_DATE} in the user's time zone, as NetSuite
 * renders it.
 *
 * @param stream      the stream's name, e.g. {@code customers}
 * @param from        the FROM clause with its joins; nsbridge's own text, never the user's
 * @param projections the columns, each an expression and an alias
 * @param cursor      alias of the modification date
 * @param key         alias of the record's id
 * @param conditions  fixed conditions (the flow's own, the user's filter, subsidiaries), joined with AND
 */
public record FlowQuery(String stream, String from, List<Projection> projections, String cursor, String key,
                        List<Condition> conditions) {
    private static final String DATE_FORMAT = "'" + DateConventions.TO_CHAR_FORMAT + "'";

    public FlowQuery {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(from, "from");
        projections = List.copyOf(projections);
        conditions = List.copyOf(conditions);
        for (String alias : new String[] {cursor, key}) {
            if (projections.stream().noneMatch(p -> p.alias().equals(alias))) {
                throw new IllegalArgumentException(alias + " is not projected by " + stream);
            }
        }
    }

    /** One projected column: {@code expression AS alias}; dates are projected exactly with TO_CHAR. */
    public record Projection(String alias, String expression, ColumnType type) {
        public Projection {
            if (!alias.matches("[a-z0-9_]{1,64}")) {
                throw new IllegalArgumentException("an alias is lower-case letters, digits and underscores: " + alias);
            }
        }

        String select() {
            return type == ColumnType.TIMESTAMP || type == ColumnType.DATE
                    ? "TO_CHAR(" + expression + ", " + DATE_FORMAT + ") AS " + alias : expression + " AS " + alias;
        }
    }

    /** A condition in SuiteQL with its {@code ?} values. */
    public record Condition(String text, List<String> params) {
        public Condition {
            Objects.requireNonNull(text, "text");
            params = List.copyOf(params);
        }

        public static Condition of(String text, String... params) {
            return new Condition(text, List.of(params));
        }
    }

    public FlowQuery and(Condition condition) {
        List<Condition> all = new ArrayList<>(conditions);
        all.add(condition);
        return new FlowQuery(stream, from, projections, cursor, key, all);
    }

    public Projection projection(String alias) {
        return projections.stream().filter(p -> p.alias().equals(alias)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(alias + " is not projected by " + stream));
    }

    public List<Column> columns() {
        return projections.stream().map(p -> new Column(p.alias(), p.type())).toList();
    }

    public StreamDescriptor descriptor(List<Column> extra) {
        List<Column> all = new ArrayList<>(columns());
        all.addAll(extra);
        return new StreamDescriptor(stream, all, List.of(key), Optional.of(cursor));
    }

    /**
     * The page after {@code (lastCursor, lastKey)}, or from {@code start} on (inclusive) when nothing was read yet.
     */
    public SuiteQlQuery after(Optional<Instant> lastCursor, Optional<String> lastKey, Optional<Instant> start,
                              DateConventions dates) {
        String cursorExpression = projection(cursor).expression();
        String keyExpression = projection(key).expression();
        List<Condition> all = new ArrayList<>(conditions);
        if (lastCursor.isPresent()) {
            String at = dates.toDateParameter(lastCursor.get());
            all.add(Condition.of(cursorExpression + " > TO_DATE(?, " + DATE_FORMAT + ") OR (" + cursorExpression
                    + " = TO_DATE(?, " + DATE_FORMAT + ") AND " + keyExpression + " > ?)", at, at,
                    lastKey.orElse("0")));
        } else if (start.isPresent()) {
            all.add(Condition.of(cursorExpression + " >= TO_DATE(?, " + DATE_FORMAT + ")",
                    dates.toDateParameter(start.get())));
        }
        all.add(Condition.of(cursorExpression + " IS NOT NULL"));
        return build(all, " ORDER BY " + cursorExpression + ", " + keyExpression);
    }

    /** The records with these ids (at most 1,000, SuiteQL's IN limit), whatever their date: for retries. */
    public SuiteQlQuery byKeys(List<String> keys) {
        if (keys.isEmpty() || keys.size() > 1000) {
            throw new IllegalArgumentException("1 to 1000 keys, not " + keys.size());
        }
        List<Condition> all = new ArrayList<>(conditions);
        all.add(new Condition(projection(key).expression() + " IN ("
                + keys.stream().map(k -> "?").collect(Collectors.joining(", ")) + ")", keys));
        return build(all, " ORDER BY " + projection(key).expression());
    }

    private SuiteQlQuery build(List<Condition> all, String orderBy) {
        StringBuilder text = new StringBuilder("SELECT ")
                .append(projections.stream().map(Projection::select).collect(Collectors.joining(", ")))
                .append(" FROM ").append(from);
        List<String> params = new ArrayList<>();
        if (!all.isEmpty()) {
            text.append(" WHERE ").append(all.stream().map(c -> "(" + c.text() + ")")
                    .collect(Collectors.joining(" AND ")));
            all.forEach(c -> params.addAll(c.params()));
        }
        return new SuiteQlQuery(text.append(orderBy).toString(), params);
    }
}
