package dev.nsbridge.sandbox.netsuite.data;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a row as SuiteQL answers it: every value a string, dates in the user's date format with the time dropped,
 * numbers plain, booleans T/F, NULL columns left out.
 */
final class ValueRenderer {
    private final String[] labels;
    private final int[] types;

    ValueRenderer(ResultSetMetaData metaData) throws SQLException {
        int count = metaData.getColumnCount();
        labels = new String[count];
        types = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = metaData.getColumnLabel(i + 1).toLowerCase(Locale.ROOT);
            types[i] = metaData.getColumnType(i + 1);
        }
    }

    Map<String, String> row(ResultSet rows) throws SQLException {
        Map<String, String> item = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            String value = value(rows, i + 1, types[i]);
            if (value != null) {
                item.put(labels[i], value);
            }
        }
        return item;
    }

    private static String value(ResultSet rows, int column, int type) throws SQLException {
        switch (type) {
            case Types.DATE, Types.TIMESTAMP -> {
                LocalDateTime value = rows.getObject(column, LocalDateTime.class);
                return value == null ? null : userDate(value);
            }
            case Types.DECIMAL, Types.NUMERIC, Types.DOUBLE, Types.FLOAT, Types.REAL -> {
                BigDecimal value = rows.getBigDecimal(column);
                return value == null ? null : number(value);
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean value = rows.getBoolean(column);
                return rows.wasNull() ? null : value ? "T" : "F";
            }
            case Types.CHAR -> {
                String value = rows.getString(column);
                return value == null ? null : value.stripTrailing();
            }
            default -> {
                return rows.getString(column);
            }
        }
    }

    /** NetSuite's default date preference, M/D/YYYY: no zero padding, no time. */
    static String userDate(LocalDateTime value) {
        return value.getMonthValue() + "/" + value.getDayOfMonth() + "/" + value.getYear();
    }

    static String number(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
