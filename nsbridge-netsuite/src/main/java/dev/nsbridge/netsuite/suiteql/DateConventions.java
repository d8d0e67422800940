package dev.nsbridge.netsuite.suiteql;

import dev.nsbridge.spi.errors.ConfigurationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a NetSuite user's dates look on the wire. SuiteQL renders DATE and DATETIME columns in the user's date
 * preference with the time dropped; nsbridge projects them with {@code TO_CHAR(col, 'YYYY-MM-DD HH24:MI:SS')}
 * instead, which NetSuite renders in the user's time zone. Both are read back here and turned into UTC.
 *
 * @param userDateFormat NetSuite's date preference, e.g. {@code M/D/YYYY}, {@code DD.MM.YYYY}, {@code D-Mon-YYYY}
 * @param timeZone       the user's time zone (Set Preferences > Time Zone)
 */
public record DateConventions(String userDateFormat, ZoneId timeZone) {
    public static final String TO_CHAR_FORMAT = "YYYY-MM-DD HH24:MI:SS";

    private static final DateTimeFormatter TO_CHAR = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern TO_CHAR_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    private static final Pattern TOKENS = Pattern.compile("YYYY|YY|MONTH|MON|MM|M|DD|D|[^A-Z]",
            Pattern.CASE_INSENSITIVE);
    // Declared after the patterns: building it parses the format with them.
    public static final DateConventions DEFAULT = new DateConventions("M/D/YYYY", ZoneId.of("America/Los_Angeles"));

    public DateConventions {
        Objects.requireNonNull(userDateFormat, "userDateFormat");
        Objects.requireNonNull(timeZone, "timeZone");
        formatter(userDateFormat);
    }

    /** A DATE value: the user's format, or a {@code TO_CHAR} rendering whose time part is midnight. */
    public LocalDate date(String value) {
        String text = value.strip();
        if (TO_CHAR_SHAPE.matcher(text).matches()) {
            return LocalDateTime.parse(text, TO_CHAR).toLocalDate();
        }
        return userDate(text);
    }

    /** A DATETIME value as an instant; a bare date (user format, time dropped) is midnight in the user's zone. */
    public Instant timestamp(String value) {
        String text = value.strip();
        if (TO_CHAR_SHAPE.matcher(text).matches()) {
            // A wall-clock time in a DST overlap is taken at the earlier offset; NetSuite's text cannot say which.
            return LocalDateTime.parse(text, TO_CHAR).atZone(timeZone).toInstant();
        }
        return userDate(text).atStartOfDay(timeZone).toInstant();
    }

    /** An instant as {@code TO_DATE(?, 'YYYY-MM-DD HH24:MI:SS')} expects it: the user's wall-clock time. */
    public String toDateParameter(Instant instant) {
        return TO_CHAR.format(instant.atZone(timeZone).toLocalDateTime());
    }

    private LocalDate userDate(String text) {
        // Some accounts add the time to a date column; the date part is what the preference describes.
        int space = text.indexOf(' ');
        String datePart = space > 0 ? text.substring(0, space) : text;
        try {
            return LocalDate.parse(datePart, formatter(userDateFormat));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date in the format " + userDateFormat, e);
        }
    }

    private static DateTimeFormatter formatter(String netSuiteFormat) {
        StringBuilder pattern = new StringBuilder();
        Matcher matcher = TOKENS.matcher(netSuiteFormat);
        int consumed = 0;
        while (matcher.find()) {
            if (matcher.start() != consumed) {
                break;
            }
            consumed = matcher.end();
            String token = matcher.group().toUpperCase(Locale.ROOT);
            pattern.append(switch (token) {
                case "YYYY" -> "uuuu";
                case "YY" -> "uu";
                case "MONTH" -> "MMMM";
                case "MON" -> "MMM";
                case "MM" -> "MM";
                case "M" -> "M";
                case "DD" -> "dd";
                case "D" -> "d";
                default -> "'" + token.replace("'", "''") + "'";
            });
        }
        if (consumed != netSuiteFormat.length() || netSuiteFormat.isEmpty()) {
            throw new ConfigurationException("NETSUITE_DATE_FORMAT", "'" + netSuiteFormat
                    + "' is not a NetSuite date format", "use the user's Date Format preference as NetSuite shows it"
                    + " under Home > Set Preferences, e.g. M/D/YYYY or DD.MM.YYYY");
        }
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern.toString())
                .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    }
}
