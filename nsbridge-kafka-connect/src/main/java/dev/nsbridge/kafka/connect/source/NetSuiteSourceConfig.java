package dev.nsbridge.kafka.connect.source;

import dev.nsbridge.kafka.connect.config.Checks;
import dev.nsbridge.kafka.connect.config.ConnectionKeys;
import dev.nsbridge.netsuite.config.NetSuiteConnectionConfig;
import dev.nsbridge.spi.config.ConfigValues;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/**
 * The NetSuite source connector's configuration, declared once: the NetSuite connection's keys under
 * {@code netsuite.} (as {@code nsbridge.yaml} has them), then what to read and where it goes. Parsed once into typed
 * fields; a value Connect refuses names its key and the fix.
 */
public final class NetSuiteSourceConfig extends AbstractConfig {
    public static final ConnectionKeys CONNECTION = new ConnectionKeys("netsuite.",
            NetSuiteConnectionConfig.DEFINITION);

    public static final String TABLES = "tables";
    public static final String QUERIES = "queries";
    /** {@code query.<name>.sql}, {@code query.<name>.unique.key} and {@code query.<name>.incremental.key}. */
    public static final String QUERY_PREFIX = "query.";
    public static final String TOPIC_PREFIX = "topic.prefix";
    public static final String TOPIC_TEMPLATE = "topic.name.template";
    public static final String HEARTBEAT_TOPIC = "heartbeat.topic";
    public static final String DELETES_FLAGGED = "deletes.flagged.record";
    public static final String POLL_INTERVAL = "poll.interval.ms";
    public static final String LOOKBACK = "lookback.ms";
    public static final String DECIMAL_SCALE = "decimal.scale";
    public static final String STATE_DIR = "state.dir";

    static final String NO_TABLES = TABLES + " names no table and " + QUERIES + " no query; fix: list the NetSuite"
            + " tables to read, e.g. tables=customer,transaction";
    static final String STREAM_PLACEHOLDER = "{stream}";
    static final String PREFIX_PLACEHOLDER = "{prefix}";
    static final String ACCOUNT_PLACEHOLDER = "{account}";

    private static final String READ_GROUP = "What to read";
    private static final String TOPIC_GROUP = "Topics";

    public static final ConfigDef DEFINITION = definition();

    private final ConfigValues connection;
    private final List<QueryStream> queries;

    public NetSuiteSourceConfig(Map<String, String> properties) {
        super(DEFINITION, properties);
        this.connection = CONNECTION.values(values());
        if (tables().isEmpty() && getList(QUERIES).isEmpty()) {
            throw new ConfigException(NO_TABLES);
        }
        this.queries = QueryStream.all(getList(QUERIES), originalsStrings(), tables());
    }

    private static ConfigDef definition() {
        ConfigDef def = CONNECTION.defineIn(new ConfigDef(), "NetSuite");
        int order = 0;
        def.define(TABLES, Type.LIST, List.of(), Importance.HIGH,
                "The NetSuite tables to read, one topic each, e.g. customer,transaction,transactionline (the names"
                        + " `nsbridge discover` lists).", READ_GROUP, ++order, Width.LONG, "Tables");
        def.define(QUERIES, Type.LIST, List.of(), Importance.HIGH,
                "SuiteQL queries read as streams, by name (the name is the stream's and goes in its topic). Each"
                        + " needs query.<name>.sql and query.<name>.unique.key (the columns that identify a row) and"
                        + " may have query.<name>.incremental.key (a date the query projects with TO_CHAR(col,"
                        + " 'YYYY-MM-DD HH24:MI:SS')), as an extract's query, unique_key and incremental_key.",
                READ_GROUP, ++order, Width.LONG, "Queries");
        def.define(POLL_INTERVAL, Type.LONG, 60_000L, Checks.atLeast(100), Importance.MEDIUM,
                "How long a table rests between two incremental reads, in milliseconds.", READ_GROUP, ++order,
                Width.SHORT, "Poll interval");
        def.define(LOOKBACK, Type.LONG, Duration.ofMinutes(10).toMillis(), Checks.atLeast(0), Importance.LOW,
                "How far before the watermark an incremental read starts again, in milliseconds, for rows NetSuite"
                        + " committed late with an earlier stamp. Rows read again arrive again (same key).",
                READ_GROUP, ++order, Width.SHORT, "Lookback");
        def.define(STATE_DIR, Type.STRING, Path.of(System.getProperty("user.home"), ".local", "state", "nsbridge")
                        .toString(), Importance.LOW,
                "A folder on each worker for the metadata catalog's cache and the count of failed NetSuite logins"
                        + " (the nsbridge command's default, so both count together on one host).", READ_GROUP,
                ++order, Width.LONG, "State folder");
        order = 0;
        def.define(TOPIC_PREFIX, Type.STRING, "netsuite.", Importance.HIGH,
                "Put before each stream's name to make its topic (see " + TOPIC_TEMPLATE + ").", TOPIC_GROUP,
                ++order, Width.MEDIUM, "Topic prefix");
        def.define(TOPIC_TEMPLATE, Type.STRING, PREFIX_PLACEHOLDER + STREAM_PLACEHOLDER, (name, value) -> {
            if (value == null || !value.toString().contains(STREAM_PLACEHOLDER)) {
                throw new ConfigException(name, value, "has no " + STREAM_PLACEHOLDER + ", so every table would"
                        + " write to one topic; fix: include " + STREAM_PLACEHOLDER + ", e.g. "
                        + PREFIX_PLACEHOLDER + STREAM_PLACEHOLDER);
            }
        }, Importance.MEDIUM, "Each stream's topic: " + PREFIX_PLACEHOLDER + " is " + TOPIC_PREFIX + ", "
                + ACCOUNT_PLACEHOLDER + " the NetSuite account id in lower case, " + STREAM_PLACEHOLDER
                + " the table's name.", TOPIC_GROUP, ++order, Width.MEDIUM, "Topic name template");
        def.define(HEARTBEAT_TOPIC, Type.STRING, "", Importance.LOW,
                "Where a stream's new position goes when no record of its own carries it (the batch that ends a"
                        + " snapshot has no rows); defaults to " + TOPIC_PREFIX + " followed by heartbeat.",
                TOPIC_GROUP, ++order, Width.MEDIUM, "Heartbeat topic");
        def.define(DELETES_FLAGGED, Type.BOOLEAN, false, Importance.MEDIUM,
                "A deleted record is a tombstone (null value) for its key; when true, a record with __deleted=true"
                        + " and the key's values comes just before the tombstone, for sinks that keep deleted rows.",
                TOPIC_GROUP, ++order, Width.SHORT, "Flag deletions");
        def.define(DECIMAL_SCALE, Type.INT, 10, Checks.between(0, 38), Importance.LOW,
                "Digits after the point of every Decimal value (Connect's Decimal has one scale per field).",
                TOPIC_GROUP, ++order, Width.SHORT, "Decimal scale");
        return def;
    }

    /** The NetSuite connection's keys, parsed by the connection type's own definition. */
    public ConfigValues connection() {
        return connection;
    }

    public String account() {
        return connection.get(NetSuiteConnectionConfig.ACCOUNT).strip();
    }

    public List<String> tables() {
        return getList(TABLES).stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** The query streams, each checked: its SQL and unique key given, its name no table's. */
    public List<QueryStream> queries() {
        return queries;
    }

    public Duration pollInterval() {
        return Duration.ofMillis(getLong(POLL_INTERVAL));
    }

    public Duration lookback() {
        return Duration.ofMillis(getLong(LOOKBACK));
    }

    public Path stateDirectory() {
        return Path.of(getString(STATE_DIR));
    }

    public boolean flagDeletions() {
        return getBoolean(DELETES_FLAGGED);
    }

    public int decimalScale() {
        return getInt(DECIMAL_SCALE);
    }

    public TopicNames topics() {
        String heartbeat = getString(HEARTBEAT_TOPIC);
        return new TopicNames(getString(TOPIC_TEMPLATE), getString(TOPIC_PREFIX), account(),
                heartbeat.isBlank() ? getString(TOPIC_PREFIX) + "heartbeat" : heartbeat);
    }
}
