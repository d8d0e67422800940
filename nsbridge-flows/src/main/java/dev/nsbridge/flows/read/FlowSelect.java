package dev.nsbridge.flows.read;

import dev.nsbridge.netsuite.source.QueryStreams;
import dev.nsbridge.spi.config.SqlCondition;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A flow's SuiteQL select, written once: each column's expression, alias and type, so the text NetSuite runs and
 * the columns the flow declares for it cannot disagree. Dates are projected with {@code TO_CHAR} in the format the
 * source reads and compares them in. This is only the query's text: the NetSuite source wraps it as an inline view
 * to page it in (date, id) order, resume after a position, or read given ids.
 *
 * @param stream      the stream's name, e.g. {@code customers}
 * @param from        the FROM clause with its joins; nsbridge's own text, never the user's
 * @param projections the columns, each an expression and an alias
 * @param cursor      alias of the modification date the flow reads in order of
 * @param key         alias of the record's id
 * @param conditions  fixed conditions (the flow's own, the user's filter, subsidiaries), joined with AND
 */
public record FlowSelect(String stream, String from, List<Projection> projections, String cursor, String key,
                         List<String> conditions) {
    private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_]{1,128}");
    /** The format NetSuite's TO_CHAR writes dates in and the source parses them from. */
    private static final String DATE_FORMAT = "'YYYY-MM-DD HH24:MI:SS'";

    public FlowSelect {
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

    /** One projected column: {@code expression AS alias}. */
    public record Projection(String alias, String expression, ColumnType type) {
        public Projection {
            if (!alias.matches("[a-z0-9_]{1,64}")) {
                throw new IllegalArgumentException("an alias is lower-case letters, digits and underscores: " + alias);
            }
        }

        public static Projection text(String alias, String expression) {
            return new Projection(alias, expression, ColumnType.STRING);
        }

        String select() {
            return type == ColumnType.TIMESTAMP || type == ColumnType.DATE
                    ? "TO_CHAR(" + expression + ", " + DATE_FORMAT + ") AS " + alias : expression + " AS " + alias;
        }
    }

    /**
     * {@code table.field} for a field named in the settings: names cannot be parameters, so one is written into the
     * text only when it is plainly a name (letters, digits, underscores), as NetSuite's Records Catalog spells it.
     */
    public static String field(String table, String field) {
        if (field == null || !FIELD.matcher(field).matches()) {
            throw new ConfigurationException("FLOW_FIELD_REFUSED", "'" + field + "' is not a NetSuite field name",
                    "write the field's id as NetSuite's Records Catalog spells it: only letters, digits and"
                            + " underscores");
        }
        return table + "." + field;
    }

    public FlowSelect and(String condition) {
        List<String> all = new ArrayList<>(conditions);
        all.add(condition);
        return new FlowSelect(stream, from, projections, cursor, key, all);
    }

    /**
     * The select with the user's filter ANDed in, in parentheses. The settings were checked when the config loaded;
     * parsed again here because the query is only safe if the filter is exactly one condition.
     */
    public FlowSelect filtered(Optional<String> filter) {
        return filter.filter(f -> !f.isBlank()).map(f -> {
            SqlCondition.problem(f).ifPresent(problem -> {
                throw new ConfigurationException("FLOW_FILTER_REFUSED", "the filter " + problem.message(),
                        problem.fix());
            });
            return and(f.strip());
        }).orElse(this);
    }

    /** {@code column IN (1, 3)}, when ids are given: internal ids, checked as digits, so they go in as text. */
    public FlowSelect within(String column, List<String> ids) {
        if (ids.isEmpty()) {
            return this;
        }
        ids.forEach(id -> {
            if (!id.matches("\\d{1,12}")) {
                throw new ConfigurationException("FLOW_SUBSIDIARY_REFUSED", "'" + id + "' is not an internal id",
                        "write subsidiary internal ids such as 1, 3");
            }
        });
        return and(column + " IN (" + String.join(", ", ids) + ")");
    }

    public List<Column> columns() {
        return projections.stream().map(p -> new Column(p.alias(), p.type())).toList();
    }

    /** The SuiteQL text. */
    public String text() {
        StringBuilder text = new StringBuilder("SELECT ")
                .append(projections.stream().map(Projection::select).collect(Collectors.joining(", ")))
                .append(" FROM ").append(from);
        if (!conditions.isEmpty()) {
            text.append(" WHERE ").append(conditions.stream().map(c -> "(" + c + ")")
                    .collect(Collectors.joining(" AND ")));
        }
        return text.toString();
    }

    /** The select as a stream the NetSuite source reads: keyed by id, in order of the cursor. */
    public QueryStreams.Definition definition() {
        return new QueryStreams.Definition(stream, text(), List.of(key), Optional.of(cursor), columns());
    }
}
