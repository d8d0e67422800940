package dev.nsbridge.app.connect;

import dev.nsbridge.engine.config.ComponentRegistry;
import dev.nsbridge.engine.config.ComponentRegistry.Role;
import dev.nsbridge.netsuite.config.NetSuiteConnectionConfig;
import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.config.ConfigKey;
import dev.nsbridge.spi.config.Validator;
import dev.nsbridge.spi.config.Validators;
import java.util.Locale;
import java.util.Set;

/** Every connection type nsbridge knows, declared once with its keys; the registry the config loader checks. */
public final class ConnectionTypes {
    public static final String NETSUITE = "netsuite";
    public static final String KLAVIYO = "klaviyo";
    public static final String DUCKDB = "duckdb";
    public static final String POSTGRES = "postgres";

    public static final ConfigKey<String> DUCKDB_PATH = ConfigKey.string("path",
            "The DuckDB file; the first run creates it with its folder. A relative path starts beside nsbridge.yaml"
                    + " and may not climb out of its folder; write another place absolute.")
            .withDefault("nsbridge.duckdb").validatedBy(Validators.insideConfigFolder());
    public static final ConfigDef DUCKDB_DEFINITION = ConfigDef.of(DUCKDB_PATH);

    public static final ConfigKey<String> POSTGRES_URL = ConfigKey.string("url",
            "JDBC URL, e.g. jdbc:postgresql://localhost:5432/analytics (no password in it).").required()
            .validatedBy(Validator.of("a jdbc:postgresql:// URL without a password", ConnectionTypes::postgresUrl,
                    "is not a jdbc:postgresql:// URL without a password in it (its text is not shown: it may hold"
                            + " one)", "write jdbc:postgresql://host:port/database and give the password as"
                            + " password: ${PGPASSWORD}"));
    public static final ConfigKey<String> POSTGRES_USER = ConfigKey.string("user", "The database user.").required();
    public static final ConfigKey<dev.nsbridge.spi.secret.Secret> POSTGRES_PASSWORD = ConfigKey.secret("password",
            "The user's password; write it as ${ENV_NAME} or an enc: value.");
    public static final ConfigDef POSTGRES_DEFINITION = ConfigDef.of(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD);

    public static final ConfigKey<dev.nsbridge.spi.secret.Secret> KLAVIYO_API_KEY = ConfigKey.secret("api_key",
            "A private API key (pk_...) with the scopes the flows need; write it as ${ENV_NAME}.").required();
    public static final ConfigKey<String> KLAVIYO_BASE_URL = ConfigKey.string("base_url",
            "Where API requests go; https://a.klaviyo.com unless pointed at the sandbox.")
            .withDefault("https://a.klaviyo.com").validatedBy(Validators.httpUrl());
    public static final ConfigDef KLAVIYO_DEFINITION = ConfigDef.of(KLAVIYO_API_KEY, KLAVIYO_BASE_URL);

    private ConnectionTypes() {
    }

    /**
     * A PostgreSQL JDBC URL that holds no password: the driver reads {@code password=} from the query and
     * {@code user:password@} before the host, and a URL is shown in answers and messages where a secret is not.
     */
    private static boolean postgresUrl(String url) {
        String text = url.strip().toLowerCase(Locale.ROOT);
        if (!text.startsWith("jdbc:postgresql:")) {
            return false;
        }
        String rest = text.substring("jdbc:postgresql:".length());
        int query = rest.indexOf('?');
        String authority = (query < 0 ? rest : rest.substring(0, query)).replaceFirst("^//", "").split("/", 2)[0];
        return !authority.contains("@") && (query < 0 || !rest.substring(query).matches(".*[?&;]password=.*"));
    }

    /** The connection types; flows register their own types beside them. */
    public static ComponentRegistry.Builder registry() {
        return ComponentRegistry.builder()
                .connection(NETSUITE, "A NetSuite account (SuiteQL over REST, OAuth 2.0 or TBA).",
                        NetSuiteConnectionConfig.DEFINITION, Set.of(Role.EXTRACT_SOURCE, Role.FLOW_RECORDS))
                .connection(KLAVIYO, "A Klaviyo account (JSON:API, private key).", KLAVIYO_DEFINITION,
                        Set.of(Role.FLOW_MARKETING))
                .connection(DUCKDB, "A DuckDB file: the embedded warehouse.", DUCKDB_DEFINITION,
                        Set.of(Role.WAREHOUSE))
                .connection(POSTGRES, "A PostgreSQL database.", POSTGRES_DEFINITION, Set.of(Role.WAREHOUSE));
    }
}
