package dev.nsbridge.sandbox.netsuite.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * totalResults for keyset pages ({@code WHERE key > ?}, optionally {@code OR (key = ? AND id > ?)}) in microseconds.
 * Every page of a keyset read has new parameters, so a count cache never hits, and H2 counts an index range row by
 * row: counting the rest of a million-row table for each of a thousand pages would dominate the read. Instead the
 * key column's values are held sorted once per data version and a count is two binary searches.
 */
final class KeysetCounter {
    private static final Pattern KEYSET = Pattern.compile("(?is)^SELECT\\s+(?<select>.+?)\\s+FROM\\s+(?<table>\\w+)"
            + "(?:\\s+(?:AS\\s+)?(?<alias>(?!WHERE\\b)\\w+))?\\s+WHERE\\s+\\(?\\s*(?:\\w+\\.)?(?<key>\\w+)\\s*(?<op>>=?)\\s*\\?"
            + "(?:\\s+OR\\s+\\(\\s*(?:\\w+\\.)?(?<key2>\\w+)\\s*=\\s*\\?\\s+AND\\s+(?:\\w+\\.)?(?<next>\\w+)\\s*>\\s*\\?\\s*\\))?"
            + "\\s*\\)?(?:\\s+ORDER\\s+BY\\s+[\\w.,\\s]+)?$");
    /** A select list of plain columns, display names and formatted dates keeps one output row per table row. */
    private static final Pattern CALLS = Pattern.compile("(?i)(BUILTIN\\s*\\.\\s*DF|TO_CHAR)\\s*\\([^()]*(\\([^()]*\\))?[^()]*\\)");
    private static final Pattern PLAIN_LIST = Pattern.compile("[\\w.*,\\s\"]+");

    private record Key(String table, String column, long version) {
    }

    private final Map<Key, long[]> sortedKeys = new ConcurrentHashMap<>();

    /** The count, when the query is a keyset page this class understands. */
    Optional<Long> count(Connection connection, String suiteQl, List<String> params, long version)
            throws SQLException {
        Matcher match = KEYSET.matcher(suiteQl.strip());
        if (!match.matches() || !isPlainList(match.group("select")) || match.group("select").matches("(?is)DISTINCT\\b.*")) {
            return Optional.empty();
        }
        boolean composite = match.group("key2") != null;
        if (params.size() != (composite ? 3 : 1) || (composite && !match.group("key2").equalsIgnoreCase(match.group("key")))) {
            return Optional.empty();
        }
        long bound;
        try {
            bound = Long.parseLong(params.get(0).strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String table = match.group("table").toLowerCase();
        String key = match.group("key").toLowerCase();
        if (!Schema.TABLES.containsKey(table) || Schema.HIDDEN.contains(table)) {
            return Optional.empty();
        }
        long[] sorted = sortedKeys(connection, table, key, version);
        if (sorted == null) {
            return Optional.empty();
        }
        long count = sorted.length - (match.group("op").equals(">") ? upperBound(sorted, bound) : lowerBound(sorted, bound));
        if (composite) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE "
                    + key + " = ? AND " + match.group("next") + " > ?")) {
                statement.setString(1, params.get(1));
                statement.setString(2, params.get(2));
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    count += rows.getLong(1);
                }
            }
        }
        return Optional.of(count);
    }

    private static boolean isPlainList(String select) {
        return PLAIN_LIST.matcher(CALLS.matcher(select).replaceAll("x")).matches();
    }

    private long[] sortedKeys(Connection connection, String table, String column, long version) throws SQLException {
        Key cacheKey = new Key(table, column, version);
        long[] cached = sortedKeys.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        synchronized (this) {
            cached = sortedKeys.get(cacheKey);
            if (cached != null) {
                return cached;
            }
            sortedKeys.keySet().removeIf(old -> old.version() != version);
            long[] loaded = load(connection, table, column);
            if (loaded != null) {
                sortedKeys.put(cacheKey, loaded);
            }
            return loaded;
        }
    }

    private static long[] load(Connection connection, String table, String column) throws SQLException {
        long[] values = new long[1024];
        int size = 0;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT " + column + " FROM " + table + " WHERE " + column
                     + " IS NOT NULL")) {
            int type = rows.getMetaData().getColumnType(1);
            if (type != java.sql.Types.BIGINT && type != java.sql.Types.INTEGER) {
                return null;
            }
            while (rows.next()) {
                if (size == values.length) {
                    values = Arrays.copyOf(values, size * 2);
                }
                values[size++] = rows.getLong(1);
            }
        } catch (SQLException e) {
            // Not a column of that table: let the real query report it in NetSuite's words.
            return null;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return sorted;
    }

    /** The index of the first value greater than {@code bound}. */
    private static int upperBound(long[] sorted, long bound) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= bound) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The index of the first value at least {@code bound}. */
    private static int lowerBound(long[] sorted, long bound) {
        return bound == Long.MIN_VALUE ? 0 : upperBound(sorted, bound - 1);
    }
}
