package dev.nsbridge.kafka.connect.recipe;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table a sink landed, compared with the sandbox's own table by value, row by row on {@code id}: text byte for
 * byte, decimals as numbers, dates as days, timestamps as instants (NetSuite shows them in the account's time zone;
 * a sink stores UTC). Expected values are read from the sandbox, never written here.
 */
record TableComparison(String table, List<String> text, List<String> decimals, List<String> dates,
                       List<String> timestamps) {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Rows of a query on the sandbox's own store, each column's value as NetSuite renders it. */
    @FunctionalInterface
    interface SandboxRows {
        List<Map<String, String>> query(String suiteQl) throws Exception;
    }

    /** Every difference between the warehouse's table and the sandbox's, each with both values. */
    List<String> differences(Connection warehouse, SandboxRows sandbox, ZoneId accountZone) throws Exception {
        Map<String, Map<String, Object>> landed = landed(warehouse);
        List<String> differences = new ArrayList<>();
        for (Map<String, String> source : sandbox.query(sourceQuery())) {
            String where = table + " " + source.get("id");
            Map<String, Object> copy = landed.remove(source.get("id"));
            if (copy == null) {
                differences.add(where + " is missing");
                continue;
            }
            text.forEach(c -> compareText(differences, where, c, source.get(c), (String) copy.get(c)));
            decimals.forEach(c -> compare(differences, where, c, decimal(source.get(c)), copy.get(c)));
            dates.forEach(c -> compare(differences, where, c, source.get(c) == null ? null
                    : LocalDate.parse(source.get(c)), copy.get(c)));
            timestamps.forEach(c -> compare(differences, where, c, source.get(c) == null ? null
                    : LocalDateTime.parse(source.get(c), SECONDS).atZone(accountZone).toInstant(), copy.get(c)));
        }
        landed.keySet().forEach(id -> differences.add(table + " " + id + " is in the warehouse, not in NetSuite"));
        return differences;
    }

    /** All compared text of the source, to show what the comparison covered. */
    String sourceText(SandboxRows sandbox) throws Exception {
        StringBuilder all = new StringBuilder();
        for (Map<String, String> row : sandbox.query(sourceQuery())) {
            text.stream().map(row::get).filter(Objects::nonNull).forEach(all::append);
        }
        return all.toString();
    }

    private Map<String, Map<String, Object>> landed(Connection warehouse) throws SQLException {
        Map<String, Map<String, Object>> landed = new LinkedHashMap<>();
        try (Statement statement = warehouse.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (String column : text) {
                    row.put(column, rows.getString(column));
                }
                for (String column : decimals) {
                    row.put(column, rows.getBigDecimal(column));
                }
                for (String column : dates) {
                    row.put(column, rows.getObject(column, LocalDate.class));
                }
                for (String column : timestamps) {
                    row.put(column, instant(rows, column));
                }
                landed.put(rows.getString("id"), row);
            }
        }
        return landed;
    }

    /** The values as NetSuite holds them: dates and timestamps in ISO form, in the account's time zone. */
    private String sourceQuery() {
        List<String> columns = new ArrayList<>(List.of("id"));
        columns.addAll(text);
        columns.addAll(decimals);
        dates.forEach(c -> columns.add("TO_CHAR(" + c + ", 'YYYY-MM-DD') AS " + c));
        timestamps.forEach(c -> columns.add("TO_CHAR(" + c + ", 'YYYY-MM-DD HH24:MI:SS') AS " + c));
        return "SELECT " + String.join(", ", columns) + " FROM " + table;
    }

    private static void compareText(List<String> differences, String where, String column, String expected,
                                    String actual) {
        byte[] wanted = expected == null ? null : expected.getBytes(StandardCharsets.UTF_8);
        byte[] got = actual == null ? null : actual.getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(wanted, got)) {
            differences.add(where + " " + column + ": expected " + hex(wanted) + " but was " + hex(got));
        }
    }

    private static void compare(List<String> differences, String where, String column, Object expected,
                                Object actual) {
        boolean same = expected instanceof BigDecimal wanted && actual instanceof BigDecimal got
                ? wanted.compareTo(got) == 0 : Objects.equals(expected, actual);
        if (!same) {
            differences.add(where + " " + column + ": expected " + expected + " but was " + actual);
        }
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? "null" : "\"" + new String(bytes, StandardCharsets.UTF_8) + "\" ["
                + HexFormat.ofDelimiter(" ").formatHex(bytes) + "]";
    }

    private static BigDecimal decimal(String text) {
        return text == null || text.isEmpty() ? null : new BigDecimal(text);
    }

    /** A timestamp column as an instant, whether the sink made it {@code timestamp} (UTC) or {@code timestamptz}. */
    private static Instant instant(ResultSet rows, String column) throws SQLException {
        String type = rows.getMetaData().getColumnTypeName(rows.findColumn(column));
        if (type.equalsIgnoreCase("timestamptz")) {
            OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
        LocalDateTime value = rows.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
