package dev.nsbridge.sandbox.netsuite.data;

import dev.nsbridge.sandbox.netsuite.data.NetSuiteAccount.QueryPage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Runs one page of a translated SuiteQL query and its totalResults, answering refusals in NetSuite's words. */
final class QueryRunner {
    private static final int COUNT_CACHE_LIMIT = 10_000;
    private static final Pattern OWN_PAGING = Pattern.compile("(?is).*\\b(FETCH\\s+(FIRST|NEXT)|OFFSET\\s+\\S+\\s+ROWS?|LIMIT\\s+\\S+)\\s*[^)]*$");

    private record CountKey(String sql, List<String> params, long version) {
    }

    private final AccountDatabase database;
    private final KeysetCounter keysetCounter = new KeysetCounter();
    private final Map<CountKey, Long> counts = new ConcurrentHashMap<>();

    QueryRunner(AccountDatabase database) {
        this.database = database;
    }

    QueryPage page(String suiteQl, List<String> given, int offset, int limit, LocalDateTime now)
            throws SuiteQlException {
        SuiteQlTranslator.Translation translation = SuiteQlTranslator.translate(suiteQl, now);
        String sql = translation.sql();
        List<String> params = boundValues(given, translation.dateParams());
        // On a line of its own: a query may end in a -- comment, which NetSuite's own paging never comments out.
        String paged = OWN_PAGING.matcher(sql).matches()
                ? "SELECT * FROM (" + sql + "\n) OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY"
                : sql + "\nOFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY";
        try {
            return database.read(connection -> {
                List<Map<String, String>> items = new ArrayList<>();
                KeysetSeek.Statement seek = KeysetSeek.rewrite(paged, params);
                try (PreparedStatement statement = prepare(connection, seek.sql(), seek.params());
                     ResultSet rows = statement.executeQuery()) {
                    ValueRenderer renderer = new ValueRenderer(rows.getMetaData());
                    while (rows.next()) {
                        items.add(renderer.row(rows));
                    }
                }
                long total = items.size() < limit && offset == 0 ? items.size()
                        : total(connection, suiteQl, given, sql, params);
                return new QueryPage(items, total);
            });
        } catch (SQLException e) {
            throw SuiteQlErrors.from(e, suiteQl, given);
        }
    }

    /** The placeholders' values as the engine takes them: a date in the user's format becomes an ISO timestamp. */
    private static List<String> boundValues(List<String> given, Set<Integer> dateParams) throws SuiteQlException {
        if (dateParams.isEmpty()) {
            return given;
        }
        List<String> values = new ArrayList<>(given);
        for (int index : dateParams) {
            if (index < values.size()) {
                values.set(index, DateStringComparisons.isoMidnight(values.get(index)));
            }
        }
        return values;
    }

    private long total(Connection connection, String suiteQl, List<String> given, String sql, List<String> params)
            throws SQLException {
        long version = database.version();
        Optional<Long> keyset = keysetCounter.count(connection, suiteQl, given, version);
        if (keyset.isPresent()) {
            return keyset.get();
        }
        CountKey key = new CountKey(sql, List.copyOf(params), version);
        Long cached = counts.get(key);
        if (cached != null) {
            return cached;
        }
        long total;
        try (PreparedStatement statement = prepare(connection, "SELECT COUNT(*) FROM (" + sql + "\n)", params);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            total = rows.getLong(1);
        }
        if (counts.size() > COUNT_CACHE_LIMIT) {
            counts.clear();
        }
        counts.put(key, total);
        return total;
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<String> params)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            int expected = statement.getParameterMetaData().getParameterCount();
            if (expected != params.size()) {
                throw new SQLException("parameter count", "90012", 90012);
            }
            for (int i = 0; i < params.size(); i++) {
                statement.setString(i + 1, params.get(i));
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }
}
