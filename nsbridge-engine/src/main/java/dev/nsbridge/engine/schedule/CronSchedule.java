package dev.nsbridge.engine.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.nsbridge.spi.config.Validator;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * A schedule in the five-field Unix cron notation ({@code minute hour day-of-month month day-of-week}), read in
 * UTC like every time inside nsbridge: {@code 0 * * * *} is every hour on the hour, {@code *}{@code /15 * * * *}
 * every quarter hour.
 */
public final class CronSchedule {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final String expression;
    private final ExecutionTime executionTime;

    private CronSchedule(String expression, Cron cron) {
        this.expression = expression;
        this.executionTime = ExecutionTime.forCron(cron);
    }

    /** The schedule, or empty when the text is not a valid five-field cron expression. */
    public static Optional<CronSchedule> parse(String expression) {
        Objects.requireNonNull(expression, "expression");
        String trimmed = expression.trim();
        try {
            Cron cron = PARSER.parse(trimmed);
            cron.validate();
            return Optional.of(new CronSchedule(trimmed, cron));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The check a configuration key applies to a schedule. */
    public static Validator<String> validator() {
        return Validator.of("five-field cron, UTC", text -> parse(text).isPresent(),
                "is not a five-field cron expression (minute hour day-of-month month day-of-week)",
                "write e.g. '0 * * * *' for hourly or '*/15 * * * *' for every 15 minutes");
    }

    /** The first run time strictly after {@code after}. */
    public Optional<Instant> nextAfter(Instant after) {
        return executionTime.nextExecution(after.atZone(ZoneOffset.UTC)).map(next -> next.toInstant());
    }

    public String expression() {
        return expression;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronSchedule that && expression.equals(that.expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    @Override
    public String toString() {
        return expression;
    }
}
