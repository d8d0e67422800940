package dev.nsbridge.netsuite.source;

import dev.nsbridge.netsuite.suiteql.SuiteQlSelect;
import dev.nsbridge.netsuite.suiteql.SuiteQlSelect.Condition;
import dev.nsbridge.spi.config.SqlCondition;
import dev.nsbridge.spi.config.Suggestions;
import dev.nsbridge.spi.data.RecordSchema;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every query of one read projects and filters by: the chosen columns (the primary key and cursor always among
 * them, in the stream's order) and the user's filter, checked once before any request is sent.
 *
 * @param table  the stream's table
 * @param schema the columns of every batch
 * @param keys   the primary key, leading column first
 * @param cursor the incremental key, if the stream has one
 * @param filter the user's SuiteQL condition
 * @param ids    the range of the leading key this read covers, if it covers only part of the table
 */
record ReadShape(String table, RecordSchema schema, List<String> keys, Optional<String> cursor,
                 Optional<Condition> filter, Optional<ReadRequest.IdRange> ids) {

    static ReadShape of(ReadRequest request) {
        StreamDescriptor stream = request.stream();
        Set<String> wanted = new LinkedHashSet<>();
        for (String name : request.columns()) {
            wanted.add(stream.column(name).orElseThrow(() -> unknownColumn(name, stream)).name()
                    .toLowerCase(Locale.ROOT));
        }
        stream.primaryKey().forEach(key -> wanted.add(key.toLowerCase(Locale.ROOT)));
        stream.cursor().ifPresent(cursor -> wanted.add(cursor.toLowerCase(Locale.ROOT)));
        for (String required : wanted) {
            stream.column(required).orElseThrow(() -> unknownColumn(required, stream));
        }
        List<Column> columns = request.columns().isEmpty() ? stream.columns() : stream.columns().stream()
                .filter(c -> wanted.contains(c.name().toLowerCase(Locale.ROOT))).toList();
        ReadShape shape = new ReadShape(stream.name(), new RecordSchema(columns), stream.primaryKey(),
                stream.cursor(), request.filter().map(ReadShape::checkedFilter), request.ids());
        if (request.ids().isPresent() && !shape.rangeable()) {
            throw new ConfigurationException("NETSUITE_RANGE_NEEDS_NUMERIC_KEY", stream.name() + " is keyed by "
                    + stream.primaryKey() + ", not a number, so it cannot be split by id range",
                    "read " + stream.name() + " whole");
        }
        return shape;
    }

    /** A select of this shape's columns with the user's filter and the id range already in. */
    SuiteQlSelect select() {
        SuiteQlSelect select = SuiteQlSelect.from(table, schema.columns());
        select = filter.map(select::where).orElse(select);
        if (ids.isPresent()) {
            String key = leadingKey();
            if (ids.get().from().isPresent()) {
                select = select.where(new Condition(key + " >= ?", List.of(Long.toString(ids.get().from()
                        .getAsLong()))));
            }
            if (ids.get().to().isPresent()) {
                select = select.where(new Condition(key + " < ?", List.of(Long.toString(ids.get().to()
                        .getAsLong()))));
            }
        }
        return select;
    }

    /** Whether a record of this leading-key value belongs to this read (every one, unless it has an id range). */
    boolean covers(long leadingKey) {
        return ids.map(range -> range.contains(leadingKey)).orElse(true);
    }

    String leadingKey() {
        return keys.get(0);
    }

    /** Whether the leading key is a number, so the table can be split into id ranges. */
    boolean rangeable() {
        int position = schema.indexOf(leadingKey());
        return position >= 0 && schema.column(position).type() == ColumnType.INTEGER;
    }

    /**
     * The filter is the user's own SuiteQL, ANDed in within parentheses; it is parsed first so that it is exactly one
     * condition: no ')' closing the query's own WHERE, second statement, comment or clause, so it can only narrow.
     */
    static Condition checkedFilter(String filter) {
        SqlCondition.problem(filter).ifPresent(problem -> {
            throw new ConfigurationException("NETSUITE_FILTER_REFUSED", "the filter " + problem.message(),
                    problem.fix());
        });
        return new Condition(filter.strip(), List.of());
    }

    private static ConfigurationException unknownColumn(String name, StreamDescriptor stream) {
        List<String> names = stream.columns().stream().map(Column::name).toList();
        List<String> near = new ArrayList<>();
        Suggestions.closest(name, names).ifPresent(near::add);
        String typed = name.toLowerCase(Locale.ROOT);
        for (String candidate : names) {
            String lower = candidate.toLowerCase(Locale.ROOT);
            boolean related = typed.length() >= 3 && (lower.contains(typed) || typed.contains(lower));
            if (related && !near.contains(candidate) && near.size() < 5) {
                near.add(candidate);
            }
        }
        String fix = near.isEmpty() ? "choose among: " + String.join(", ", names)
                : "did you mean " + near.stream().collect(Collectors.joining(" or ")) + "?";
        return new ConfigurationException("NETSUITE_UNKNOWN_COLUMN", "'" + name + "' is not a column of "
                + stream.name(), fix);
    }
}
