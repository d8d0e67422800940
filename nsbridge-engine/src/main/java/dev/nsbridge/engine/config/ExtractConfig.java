package dev.nsbridge.engine.config;

import dev.nsbridge.engine.schedule.CronSchedule;
import dev.nsbridge.engine.schedule.TimeZones;
import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.config.ConfigKey;
import dev.nsbridge.spi.config.ConfigValues;
import dev.nsbridge.spi.config.SqlCondition;
import dev.nsbridge.spi.config.Validators;
import dev.nsbridge.spi.destination.LoadMethod;
import dev.nsbridge.spi.source.ReadMode;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry under {@code extracts:}: a table or query from a source connection kept current in a destination
 * table. The keys are declared here once; {@link #DEF} is what the loader checks and the CLI documents.
 *
 * @param name             the entry's name, which is also the pipeline's name
 * @param connection       the source connection
 * @param table            the stream to read, as the source names it; exactly one of table and query
 * @param query            a query in the source's own language, read as a stream
 * @param columns          the columns to copy; empty for all
 * @param loadMethod       how the destination table takes the rows
 * @param uniqueKey        the columns a merge matches on; empty for the stream's primary key
 * @param mode             full or incremental
 * @param incrementalKey   the cursor column, when not the stream's own
 * @param destination      the destination connection
 * @param destinationTable the table written
 * @param schedule         when to run, in its time zone; empty for manual runs only
 * @param lookback         how far before the watermark an incremental read starts again
 * @param deletes          what happens to rows deleted at the source
 * @param filter           an extra condition in the source's language
 * @param enabled          whether schedules run it
 * @param tieOut           whether a run of the general ledger's accounting lines ties the warehouse out against
 *                         NetSuite afterwards (see {@link #TIE_OUT})
 */
public record ExtractConfig(String name, String connection, Optional<String> table, Optional<String> query,
                           List<String> columns, LoadMethod loadMethod, List<String> uniqueKey, ReadMode mode,
                           Optional<String> incrementalKey, String destination, String destinationTable,
                           Optional<CronSchedule> schedule, Duration lookback, DeleteHandling deletes,
                           Optional<String> filter, boolean enabled, boolean tieOut) {

    public static final ConfigKey<String> CONNECTION = ConfigKey.string("connection",
            "The connection to read from: a name under connections.").required();
    public static final ConfigKey<String> TABLE = ConfigKey.string("table",
            "The table (stream) to read, as the source names it. Give table or query, not both.")
            .validatedBy(Validators.nonBlank());
    public static final ConfigKey<String> QUERY = ConfigKey.string("query",
            "A query in the source's own language whose rows are the stream (for NetSuite one SuiteQL SELECT, joins"
                    + " included). Give table or query, not both.")
            .validatedBy(Validators.nonBlank());
    public static final ConfigKey<List<String>> COLUMNS = ConfigKey.list("columns",
            "The columns to copy; the primary key and the incremental key are always included. Empty copies all.")
            .withDefault(List.of());
    public static final ConfigKey<ReadMode> MODE = ConfigKey.enumeration("mode", ReadMode.class,
            "full reads everything each run; incremental reads what changed since the last run. A stream without"
                    + " an incremental key is always read in full.").withDefault(ReadMode.INCREMENTAL);
    public static final ConfigKey<String> INCREMENTAL_KEY = ConfigKey.string("incremental_key",
            "The column that says when a row last changed. Defaults to the stream's own; required for a query"
                    + " read incrementally (for NetSuite a date it projects with TO_CHAR(col, 'YYYY-MM-DD"
                    + " HH24:MI:SS')).").validatedBy(Validators.nonBlank());
    public static final ConfigKey<Duration> LOOKBACK = ConfigKey.duration("lookback",
            "How far before the watermark an incremental read starts again, to catch rows committed late.")
            .withDefault(Duration.ofMinutes(10));
    public static final ConfigKey<String> FILTER = ConfigKey.string("filter",
            "One condition in the source's own language (for NetSuite a SuiteQL condition), added with AND in"
                    + " parentheses to every read, so it can only narrow it.")
            .validatedBy(SqlCondition.validator());
    public static final ConfigKey<String> DESTINATION = ConfigKey.string("destination",
            "The connection to write to: a name under connections.").required();
    public static final ConfigKey<String> DESTINATION_TABLE = ConfigKey.string("destination_table",
            "The table written. Defaults to the extract's name.").validatedBy(Validators.nonBlank());
    public static final ConfigKey<LoadMethod> LOAD_METHOD = ConfigKey.enumeration("load_method", LoadMethod.class,
            "How the destination table takes the rows. Defaults to merge for incremental extracts and"
                    + " truncate_load for full ones.");
    public static final ConfigKey<List<String>> UNIQUE_KEY = ConfigKey.list("unique_key",
            "The columns a merge matches on. Empty uses the stream's primary key; required for a query, which is"
                    + " read in its order.")
            .withDefault(List.of());
    public static final ConfigKey<DeleteHandling> DELETES = ConfigKey.enumeration("deletes", DeleteHandling.class,
            "What a merge does with a row the source deleted (in deletedrecord, or missing from a full read): flag"
                    + " marks it deleted, remove deletes it.")
            .withDefault(DeleteHandling.FLAG);
    public static final ConfigKey<String> SCHEDULE = ConfigKey.string("schedule",
            "When to run, as five-field cron on the clock of timezone (e.g. '0 * * * *'). Without one the extract"
                    + " runs only when asked.").validatedBy(CronSchedule.validator());
    public static final ConfigKey<String> TIMEZONE = ConfigKey.string("timezone",
            "The IANA time zone whose clock the schedule follows, e.g. Europe/Berlin.").withDefault(TimeZones.UTC)
            .validatedBy(TimeZones.validator());
    public static final ConfigKey<Boolean> ENABLED = ConfigKey.bool("enabled",
            "Whether the schedule runs it; a disabled extract can still be run by hand.").withDefault(true);

    public static final ConfigKey<Boolean> TIE_OUT = ConfigKey.bool("tie_out",
            "On the extract of transactionaccountingline, when extracts of transaction and transactionline from the"
                    + " same connection land in the same warehouse: after each run, compare the count, debits and"
                    + " credits of the accounting lines per posting period and subsidiary with NetSuite's, and fail"
                    + " the run on a difference. Ignored on other extracts.").withDefault(true);

    public static final ConfigDef DEF = ConfigDef.of(CONNECTION, TABLE, QUERY, COLUMNS, MODE, INCREMENTAL_KEY,
            LOOKBACK, FILTER, DESTINATION, DESTINATION_TABLE, LOAD_METHOD, UNIQUE_KEY, DELETES, SCHEDULE, TIMEZONE,
            ENABLED, TIE_OUT);

    public ExtractConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(query, "query");
        columns = List.copyOf(columns);
        Objects.requireNonNull(loadMethod, "loadMethod");
        uniqueKey = List.copyOf(uniqueKey);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(incrementalKey, "incrementalKey");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(destinationTable, "destinationTable");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(lookback, "lookback");
        Objects.requireNonNull(deletes, "deletes");
        Objects.requireNonNull(filter, "filter");
    }

    /** The typed record from values {@link #DEF} parsed without problems. */
    public static ExtractConfig from(String name, ConfigValues values) {
        ReadMode mode = values.get(MODE);
        LoadMethod loadMethod = values.find(LOAD_METHOD)
                .orElse(mode == ReadMode.INCREMENTAL ? LoadMethod.MERGE : LoadMethod.TRUNCATE_LOAD);
        return new ExtractConfig(name, values.get(CONNECTION), values.find(TABLE), values.find(QUERY),
                values.get(COLUMNS), loadMethod, values.get(UNIQUE_KEY), mode, values.find(INCREMENTAL_KEY),
                values.get(DESTINATION), values.find(DESTINATION_TABLE).orElse(name),
                schedule(values, SCHEDULE, TIMEZONE), values.get(LOOKBACK), values.get(DELETES),
                values.find(FILTER), values.get(ENABLED), values.get(TIE_OUT));
    }

    /** A pipeline's schedule read in its time zone; shared with flows, which declare the same two keys. */
    static Optional<CronSchedule> schedule(ConfigValues values, ConfigKey<String> schedule, ConfigKey<String> zone) {
        return values.find(schedule).flatMap(expression -> CronSchedule.parse(expression,
                values.find(zone).flatMap(TimeZones::parse).orElse(ZoneOffset.UTC)));
    }
}
