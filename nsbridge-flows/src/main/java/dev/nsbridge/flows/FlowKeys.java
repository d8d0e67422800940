package dev.nsbridge.flows;

import dev.nsbridge.spi.config.ConfigKey;
import dev.nsbridge.spi.config.ConfigValues;
import dev.nsbridge.spi.config.SqlCondition;
import dev.nsbridge.spi.config.Validator;
import dev.nsbridge.spi.config.Validators;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** The settings keys several flow types share, declared once so they read the same everywhere. */
public final class FlowKeys {
    public static final ConfigKey<String> FILTER = ConfigKey.string("filter",
            "A SuiteQL condition every record must meet, the saved-search equivalent, e.g. \"c.category = 2\". It is"
                    + " added with AND, in parentheses, so it can only narrow what the flow reads.")
            .validatedBy(SqlCondition.validator());
    public static final ConfigKey<List<String>> SUBSIDIARIES = ConfigKey.list("subsidiaries",
            "Internal ids of the subsidiaries whose records the flow reads; all when absent.")
            .validatedBy(Validator.of("internal ids", ids -> ids.stream().allMatch(id -> id.matches("\\d{1,12}")),
                    "holds something other than an internal id", "write subsidiary internal ids such as 1, 3"));
    public static final ConfigKey<String> HISTORY_START = ConfigKey.string("history_start",
            "The first day (YYYY-MM-DD, UTC) the first run reads from; later runs continue from their watermark."
                    + " Absent: the whole history.").validatedBy(isoDate());
    public static final ConfigKey<Integer> BATCH_SIZE = ConfigKey.integer("batch_size",
            "Records per SuiteQL page and per batch; the watermark is committed after each batch.")
            .withDefault(500).validatedBy(Validators.between(1, 1000));

    private FlowKeys() {
    }

    /** Midnight UTC of {@code history_start}, if set. */
    public static Optional<Instant> historyStart(ConfigValues settings) {
        return settings.find(HISTORY_START).map(day -> LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static Validator<String> isoDate() {
        return Validator.of("a date such as 2024-01-31", text -> {
            try {
                LocalDate.parse(text);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }, "is not a date in the form YYYY-MM-DD", "write the day as 2024-01-31");
    }
}
