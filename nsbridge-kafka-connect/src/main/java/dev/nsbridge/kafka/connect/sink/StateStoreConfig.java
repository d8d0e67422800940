package dev.nsbridge.kafka.connect.sink;

import dev.nsbridge.engine.store.SqlStores;
import dev.nsbridge.spi.secret.Secret;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;

/**
 * Where the sink keeps what must outlive a crash (the consents it sent): the state store the command line uses, in
 * PostgreSQL (shared by every worker, which a connector whose tasks move between workers needs) or in a local
 * SQLite file (one worker only).
 *
 * @param url      a {@code jdbc:postgresql:} URL, or the path of a local file
 * @param password PostgreSQL's password; empty for a file
 */
record StateStoreConfig(String url, String user, Secret password, String schema) {
    static final String URL = "state.store.url";
    static final String USER = "state.store.user";
    static final String PASSWORD = "state.store.password";
    static final String SCHEMA = "state.store.schema";
    private static final String POSTGRES = "jdbc:postgresql:";

    static ConfigDef define(ConfigDef def) {
        return def.define(URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                        Importance.HIGH, "The state store holding the consent ledger, so a restarted or moved task"
                                + " never sends a consent again as new: a jdbc:postgresql://host/db URL (needed when"
                                + " more than one worker runs the connector) or the path of a local file.")
                .define(USER, Type.STRING, "", Importance.MEDIUM, "The PostgreSQL user; unused for a file.")
                .define(PASSWORD, Type.PASSWORD, "", Importance.MEDIUM,
                        "The PostgreSQL password; unused for a file.")
                .define(SCHEMA, Type.STRING, "nsbridge", new ConfigDef.NonEmptyString(), Importance.LOW,
                        "The PostgreSQL schema the state store's tables are in; created when absent.");
    }

    static StateStoreConfig from(Map<String, Object> parsed) {
        return new StateStoreConfig((String) parsed.get(URL), (String) parsed.get(USER),
                Secret.of(((Password) parsed.get(PASSWORD)).value()), (String) parsed.get(SCHEMA));
    }

    SqlStores open(Clock clock) {
        return url.startsWith(POSTGRES) ? SqlStores.openPostgres(url, user, password, schema, clock)
                : SqlStores.open(Path.of(url), clock);
    }

    @Override
    public String toString() {
        // A URL may carry a password in its query string: it stays out.
        return "StateStoreConfig[url=" + url.replaceAll("\\?.*", "?...") + ", user=" + user + ", schema=" + schema
                + "]";
    }
}
