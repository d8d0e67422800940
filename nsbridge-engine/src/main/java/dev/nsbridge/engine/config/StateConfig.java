package dev.nsbridge.engine.config;

import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.config.ConfigKey;
import dev.nsbridge.spi.config.Validators;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code state:} section: where nsbridge keeps pipeline state, run history, the record-error queue, run locks
 * and schedule claims. By default an embedded SQLite file; with {@code connection}, a PostgreSQL database that
 * several nsbridge servers share.
 *
 * @param path       the embedded database file, absolute; unused when {@code connection} is set
 * @param connection the postgres connection holding the shared store, if any
 * @param schema     the PostgreSQL schema of the shared store's tables
 */
public record StateConfig(Path path, Optional<String> connection, String schema) {
    /** The PostgreSQL connection type the shared store runs on. */
    public static final String SHARED_TYPE = "postgres";

    public static final ConfigKey<String> PATH = ConfigKey.string("path",
            "The embedded database file for state, run history and record errors. A relative path is read from"
                    + " the folder of nsbridge.yaml and may not climb out of it; write another place absolute.").withDefault("nsbridge.db").validatedBy(Validators.insideConfigFolder());
    public static final ConfigKey<String> CONNECTION = ConfigKey.string("connection",
            "A postgres connection (under connections:) to keep the state in instead of the file, so that several"
                    + " nsbridge servers share state, run history, the error queue, run locks and schedules. Leave it"
                    + " out for the embedded file.").validatedBy(Validators.nonBlank());
    public static final ConfigKey<String> SCHEMA = ConfigKey.string("schema",
            "With connection: the PostgreSQL schema for nsbridge's tables, created if missing.")
            .withDefault("nsbridge").validatedBy(Validators.matches("[a-z_][a-z0-9_]{0,62}",
                    "a lower-case name of letters, digits and '_'"));

    public static final ConfigDef DEF = ConfigDef.of(PATH, CONNECTION, SCHEMA);

    public StateConfig {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(schema, "schema");
    }

    /** The embedded file {@code path}. */
    public StateConfig(Path path) {
        this(path, Optional.empty(), SCHEMA.defaultValue().orElseThrow());
    }

    /** The default: {@code nsbridge.db} beside the configuration file. */
    public static StateConfig besides(Path configFile) {
        return new StateConfig(folderOf(configFile).resolve(PATH.defaultValue().orElseThrow()));
    }

    /** Whether the store is a shared PostgreSQL database rather than the embedded file. */
    public boolean shared() {
        return connection.isPresent();
    }

    static Path folderOf(Path configFile) {
        Path parent = configFile.toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }
}
