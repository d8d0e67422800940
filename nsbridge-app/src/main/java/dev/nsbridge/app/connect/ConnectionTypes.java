package dev.nsbridge.app.connect;

import dev.nsbridge.engine.config.ComponentRegistry;
import dev.nsbridge.netsuite.config.NetSuiteConnectionConfig;
import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.config.ConfigKey;

/** Every connection type nsbridge knows, declared once with its keys; the registry the config loader checks. */
public final class ConnectionTypes {
    public static final String NETSUITE = "netsuite";
    public static final String KLAVIYO = "klaviyo";
    public static final String DUCKDB = "duckdb";
    public static final String POSTGRES = "postgres";

    public static final ConfigKey<String> DUCKDB_PATH = ConfigKey.string("path",
            "The DuckDB file; created with its folder if missing. Relative paths start beside nsbridge.yaml.")
            .withDefault("nsbridge.duckdb");
    public static final ConfigDef DUCKDB_DEFINITION = ConfigDef.of(DUCKDB_PATH);

    public static final ConfigKey<String> POSTGRES_URL = ConfigKey.string("url",
            "JDBC URL, e.g. jdbc:postgresql://localhost:5432/analytics (no password in it).").required();
    public static final ConfigKey<String> POSTGRES_USER = ConfigKey.string("user", "The database user.").required();
    public static final ConfigKey<dev.nsbridge.spi.secret.Secret> POSTGRES_PASSWORD = ConfigKey.secret("password",
            "The user's password; write it as ${ENV_NAME} or an enc: value.");
    public static final ConfigDef POSTGRES_DEFINITION = ConfigDef.of(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD);

    public static final ConfigKey<dev.nsbridge.spi.secret.Secret> KLAVIYO_API_KEY = ConfigKey.secret("api_key",
            "A private API key (pk_...) with the scopes the flows need; write it as ${ENV_NAME}.").required();
    public static final ConfigKey<String> KLAVIYO_BASE_URL = ConfigKey.string("base_url",
            "Where API requests go; https://a.klaviyo.com unless pointed at the sandbox.")
            .withDefault("https://a.klaviyo.com");
    public static final ConfigDef KLAVIYO_DEFINITION = ConfigDef.of(KLAVIYO_API_KEY, KLAVIYO_BASE_URL);

    private ConnectionTypes() {
    }

    /** The connection types; flows register their own types beside them. */
    public static ComponentRegistry.Builder registry() {
        return ComponentRegistry.builder()
                .connection(NETSUITE, "A NetSuite account (SuiteQL over REST, OAuth 2.0 or TBA).",
                        NetSuiteConnectionConfig.DEFINITION)
                .connection(KLAVIYO, "A Klaviyo account (JSON:API, private key).", KLAVIYO_DEFINITION)
                .connection(DUCKDB, "A DuckDB file: the embedded warehouse.", DUCKDB_DEFINITION)
                .connection(POSTGRES, "A PostgreSQL database.", POSTGRES_DEFINITION);
    }
}
