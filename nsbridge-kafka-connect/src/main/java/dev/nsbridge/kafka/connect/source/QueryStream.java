package dev.nsbridge.kafka.connect.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * A SuiteQL query read as a stream, as an extract's {@code query:} is: its name (the stream's, in the topic and
 * the offset's partition), the query, the columns that identify a row and, for incremental reads, its cursor.
 */
public record QueryStream(String name, String sql, List<String> uniqueKey, Optional<String> incrementalKey) {
    static final String SQL = ".sql";
    static final String UNIQUE_KEY = ".unique.key";
    static final String INCREMENTAL_KEY = ".incremental.key";

    public QueryStream {
        uniqueKey = List.copyOf(uniqueKey);
    }

    /**
     * The queries {@code names} lists, from the {@code query.<name>.*} keys of {@code originals}; a
     * {@link ConfigException} naming the key to add or change otherwise.
     */
    static List<QueryStream> all(List<String> names, Map<String, String> originals, List<String> tables) {
        List<QueryStream> queries = new ArrayList<>();
        for (String listed : names) {
            String name = listed.strip();
            String prefix = NetSuiteSourceConfig.QUERY_PREFIX + name;
            if (!name.matches("[A-Za-z0-9_]+")) {
                throw new ConfigException(NetSuiteSourceConfig.QUERIES, listed, "is not a query name; fix: use"
                        + " letters, digits and _ only, e.g. open_orders");
            }
            if (tables.stream().anyMatch(table -> table.equalsIgnoreCase(name))) {
                throw new ConfigException(NetSuiteSourceConfig.QUERIES, listed, "is also a table's name, and both"
                        + " would share one topic and one offset; fix: name the query otherwise");
            }
            String sql = originals.get(prefix + SQL);
            if (sql == null || sql.isBlank()) {
                throw new ConfigException(prefix + SQL + " is missing; fix: set it to the SuiteQL query the stream"
                        + " " + name + " reads");
            }
            List<String> key = List.of(originals.getOrDefault(prefix + UNIQUE_KEY, "").split(",")).stream()
                    .map(String::strip).filter(column -> !column.isEmpty()).toList();
            if (key.isEmpty()) {
                throw new ConfigException(prefix + UNIQUE_KEY + " is missing; fix: set it to the columns of " + name
                        + " that identify a row, e.g. id");
            }
            Optional<String> cursor = Optional.ofNullable(originals.get(prefix + INCREMENTAL_KEY)).map(String::strip)
                    .filter(column -> !column.isEmpty());
            queries.add(new QueryStream(name.toLowerCase(Locale.ROOT), sql, key, cursor));
        }
        return queries;
    }
}
