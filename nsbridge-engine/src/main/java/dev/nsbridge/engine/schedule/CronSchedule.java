package dev.nsbridge.engine.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.nsbridge.spi.config.Validator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Objects;
import java.util.Optional;

/**
 * A schedule in the five-field Unix cron notation ({@code minute hour day-of-month month day-of-week}) read as
 * wall-clock times in one time zone, UTC unless the pipeline names another: {@code 0 * * * *} is every hour on
 * the hour, {@code *}{@code /15 * * * *} every quarter hour, {@code 0 6 * * *} with {@code Europe/Berlin} six in
 * the morning in Berlin, summer and winter.
 *
 * <p>On the days a zone changes its clocks, each wall-clock time the schedule names runs once: a time the clocks
 * skip (02:30 when 02:00 jumps to 03:00) runs as late as the jump, at 03:30; a time the clocks pass twice (01:30
 * when 02:00 falls back to 01:00) runs at its first passing only. Nothing runs twice and nothing is lost.
 */
public final class CronSchedule {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    /** Bounds the search for a time after a clock change; far above the candidates one repeated hour can hold. */
    private static final int MAX_CANDIDATES = 10_000;

    private final String expression;
    private final ExecutionTime executionTime;
    private final ZoneId zone;

    private CronSchedule(String expression, ExecutionTime executionTime, ZoneId zone) {
        this.expression = expression;
        this.executionTime = executionTime;
        this.zone = zone;
    }

    /** The schedule in UTC, or empty when the text is not a valid five-field cron expression. */
    public static Optional<CronSchedule> parse(String expression) {
        Objects.requireNonNull(expression, "expression");
        String trimmed = expression.trim();
        try {
            Cron cron = PARSER.parse(trimmed);
            cron.validate();
            return Optional.of(new CronSchedule(trimmed, ExecutionTime.forCron(cron), ZoneOffset.UTC));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The schedule in {@code zone}, or empty when the text is not a valid five-field cron expression. */
    public static Optional<CronSchedule> parse(String expression, ZoneId zone) {
        return parse(expression).map(schedule -> schedule.inZone(zone));
    }

    /** The same times of day read as wall-clock times in {@code zone}. */
    public CronSchedule inZone(ZoneId zone) {
        return new CronSchedule(expression, executionTime, Objects.requireNonNull(zone, "zone"));
    }

    /** The check a configuration key applies to a schedule. */
    public static Validator<String> validator() {
        return Validator.of("five-field cron", text -> parse(text).isPresent(),
                "is not a five-field cron expression (minute hour day-of-month month day-of-week)",
                "write e.g. '0 * * * *' for hourly or '*/15 * * * *' for every 15 minutes");
    }

    /** The first run time strictly after {@code after}. */
    public Optional<Instant> nextAfter(Instant after) {
        Objects.requireNonNull(after, "after");
        // Candidates are found on the zone's wall clock (a calendar without clock changes, hence UTC), then placed
        // on the time line; one that lands at or before `after` (a repeated hour) is passed over.
        LocalDateTime cursor = searchStart(after);
        for (int i = 0; i < MAX_CANDIDATES; i++) {
            Optional<ZonedDateTime> wallClock = executionTime.nextExecution(cursor.atZone(ZoneOffset.UTC));
            if (wallClock.isEmpty()) {
                return Optional.empty();
            }
            cursor = wallClock.get().toLocalDateTime();
            // A skipped wall-clock time moves later by the length of the gap; a repeated one takes its first passing.
            Instant candidate = ZonedDateTime.ofLocal(cursor, zone, null).toInstant();
            if (candidate.isAfter(after)) {
                return Optional.of(candidate);
            }
        }
        throw new IllegalStateException("no run time found after " + after + " for " + this);
    }

    /**
     * Where the wall-clock search starts: just after {@code after}, unless {@code after} falls in the stretch just
     * after a jump forward, where a skipped time (moved later by the gap) may still be due.
     */
    private LocalDateTime searchStart(Instant after) {
        LocalDateTime local = LocalDateTime.ofInstant(after, zone);
        ZoneOffsetTransition previous = zone.getRules().previousTransition(after.plusNanos(1));
        if (previous != null && previous.isGap()) {
            Duration gap = previous.getDuration();
            if (after.isBefore(previous.getInstant().plus(gap))) {
                LocalDateTime gapStart = previous.getDateTimeBefore().minusSeconds(1);
                return gapStart.isBefore(local) ? gapStart : local;
            }
        }
        return local;
    }

    public String expression() {
        return expression;
    }

    /** The zone whose wall clock the expression is read on. */
    public ZoneId zone() {
        return zone;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronSchedule that && expression.equals(that.expression) && zone.equals(that.zone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(expression, zone);
    }

    /** The expression, followed by the zone when it is not UTC: {@code 0 6 * * * Europe/Berlin}. */
    @Override
    public String toString() {
        return zone.equals(ZoneOffset.UTC) ? expression : expression + " " + zone.getId();
    }
}
