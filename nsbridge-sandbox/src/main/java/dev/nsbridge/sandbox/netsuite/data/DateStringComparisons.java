package dev.nsbridge.sandbox.netsuite.data;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A DATE or DATETIME column compared with a string, as SuiteQL reads it: the string is a date in the user's date
 * preference. Oracle's help does not say so in words, but it follows from the engine: SuiteQL runs on Oracle
 * Database, which converts a string compared with a date through the session's date format, and NetSuite answers
 * dates in the user's format. Queries written against live accounts rely on it, e.g.
 * {@code WHERE type = 'CustInvc' AND createdDate >= '1/15/2024'} in Apideck's NetSuite guide
 * (help.apideck.com/en/articles/5771522). The sandbox's user has NetSuite's default preference, M/D/YYYY, so
 * {@code '3/5/2024'} is midnight of March 5 in the account's time zone (a DATETIME stamped later that day is
 * greater); a string in any other shape, ISO {@code '2024-03-05'} included, is refused, as Oracle refuses a string
 * that does not match the format (ORA-01843, ORA-01861). Strings and {@code ?} placeholders next to a comparison
 * operator or in {@code BETWEEN ... AND ...} are read this way; {@code IN} lists are not.
 */
final class DateStringComparisons {
    /** What the translation did with the query's placeholders: those compared with dates hold a user date. */
    record Result(String sql, Set<Integer> dateParams) {
    }

    private static final Set<String> DATE_COLUMNS = dateColumns();
    /** A column, maybe qualified, that is not a function's name. */
    private static final String COLUMN = "(?<![\\w.'])(?:[A-Za-z_]\\w*\\.)?([A-Za-z_]\\w*)(?![\\w.(])(?!\\s+\\()";
    private static final String VALUE = "('[^']*'(?:'[^']*')*|\\?)";
    private static final String OPERATOR = "(?:=|<>|!=|<=|>=|<|>)";
    private static final Pattern COLUMN_FIRST = Pattern.compile("(?i)" + COLUMN + "\\s*" + OPERATOR + "\\s*"
            + VALUE);
    private static final Pattern VALUE_FIRST = Pattern.compile("(?i)" + VALUE + "\\s*" + OPERATOR + "\\s*" + COLUMN);
    private static final Pattern BETWEEN = Pattern.compile("(?i)" + COLUMN + "\\s+(?:NOT\\s+)?BETWEEN\\s+" + VALUE
            + "\\s+AND\\s+" + VALUE);
    private static final Pattern USER_DATE = Pattern.compile("\\s*(\\d{1,2})/(\\d{1,2})/(\\d{4})\\s*");

    private DateStringComparisons() {
    }

    static Result rewrite(String query) throws SuiteQlException {
        String masked = SuiteQlTranslator.outsideLiterals(query);
        // Where each value to read as a date starts, and where it ends.
        Map<Integer, Integer> values = new TreeMap<>();
        collect(COLUMN_FIRST.matcher(masked), 1, new int[] {2}, values);
        collect(VALUE_FIRST.matcher(masked), 2, new int[] {1}, values);
        collect(BETWEEN.matcher(masked), 1, new int[] {2, 3}, values);
        StringBuilder sql = new StringBuilder();
        Set<Integer> dateParams = new TreeSet<>();
        int from = 0;
        for (Map.Entry<Integer, Integer> value : values.entrySet()) {
            int start = value.getKey();
            int end = value.getValue();
            sql.append(query, from, start);
            if (query.charAt(start) == '?') {
                dateParams.add(SuiteQlTranslator.placeholdersBefore(masked, start));
                sql.append("CAST(? AS TIMESTAMP)");
            } else {
                String text = query.substring(start + 1, end - 1).replace("''", "'");
                sql.append("TIMESTAMP '").append(isoMidnight(text)).append('\'');
            }
            from = end;
        }
        return new Result(sql.append(query.substring(from)).toString(), dateParams);
    }

    /** The user's date as {@code yyyy-MM-dd 00:00:00}, or NetSuite's refusal when it is not one. */
    static String isoMidnight(String userDate) throws SuiteQlException {
        Matcher date = USER_DATE.matcher(userDate);
        if (date.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(date.group(3)), Integer.parseInt(date.group(1)),
                        Integer.parseInt(date.group(2))) + " 00:00:00";
            } catch (DateTimeException notADay) {
                // Falls through to the refusal.
            }
        }
        throw SuiteQlErrors.syntax("Invalid date value '" + userDate + "'. Dates compare in the user's date format,"
                + " M/D/YYYY, or through TO_DATE.");
    }

    private static void collect(Matcher matcher, int columnGroup, int[] valueGroups, Map<Integer, Integer> values) {
        while (matcher.find()) {
            if (DATE_COLUMNS.contains(matcher.group(columnGroup).toLowerCase(Locale.ROOT))) {
                for (int group : valueGroups) {
                    values.put(matcher.start(group), matcher.end(group));
                }
            }
        }
    }

    /** Column names that are DATE or TIMESTAMP in every table that has them. */
    private static Set<String> dateColumns() {
        Map<String, Boolean> allDates = new HashMap<>();
        for (String columns : Schema.TABLES.values()) {
            for (String column : columns.split(",(?![^(]*\\))")) {
                String[] words = column.strip().split("\\s+");
                if (words.length < 2 || words[0].equalsIgnoreCase("PRIMARY")) {
                    continue;
                }
                boolean date = words[1].equalsIgnoreCase("DATE") || words[1].equalsIgnoreCase("TIMESTAMP");
                allDates.merge(words[0].toLowerCase(Locale.ROOT), date, Boolean::logicalAnd);
            }
        }
        return allDates.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }
}
