package dev.nsbridge.warehouse.postgres;

import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.config.ConfigKey;
import dev.nsbridge.spi.config.Validator;
import dev.nsbridge.spi.connection.CheckResult;
import dev.nsbridge.spi.connection.ConnectionContext;
import dev.nsbridge.spi.connection.ConnectionRole;
import dev.nsbridge.spi.connection.ConnectionType;
import dev.nsbridge.spi.destination.Destination;
import dev.nsbridge.spi.secret.Secret;
import dev.nsbridge.warehouse.LoadMetadata;
import dev.nsbridge.warehouse.WarehouseLogin;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * {@code type: postgres}: a PostgreSQL database, as a warehouse or as the state store several servers share (which
 * asks for its login as a {@link PostgresSettings} client).
 */
public final class PostgresConnectionType implements ConnectionType {
    public static final String NAME = "postgres";

    public static final ConfigKey<String> URL = ConfigKey.string(PostgresSettings.URL_SETTING,
            "JDBC URL, e.g. jdbc:postgresql://localhost:5432/analytics (no password in it).").required()
            .validatedBy(Validator.of("a jdbc:postgresql:// URL without a password",
                    PostgresConnectionType::withoutPassword,
                    "is not a jdbc:postgresql:// URL without a password in it (its text is not shown: it may hold"
                            + " one)", "write jdbc:postgresql://host:port/database and give the password as"
                            + " password: ${PGPASSWORD}"));
    public static final ConfigKey<String> USER = ConfigKey.string(PostgresSettings.USER_SETTING, "The database user.")
            .required();
    public static final ConfigKey<Secret> PASSWORD = ConfigKey.secret(PostgresSettings.PASSWORD_SETTING,
            "The user's password; write it as ${ENV_NAME} or an enc: value.");
    public static final ConfigDef DEFINITION = ConfigDef.of(URL, USER, PASSWORD, LoadMetadata.KEY);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "A PostgreSQL database.";
    }

    @Override
    public ConfigDef definition() {
        return DEFINITION;
    }

    @Override
    public Set<ConnectionRole> roles() {
        return Set.of(ConnectionRole.WAREHOUSE);
    }

    @Override
    public CheckResult check(ConnectionContext context) {
        Properties properties = new Properties();
        properties.setProperty("user", context.values().get(USER));
        context.values().find(PASSWORD).ifPresent(password -> properties.setProperty("password", password.reveal()));
        return WarehouseLogin.check(context.values().get(URL), properties,
                "check url, user and password, and that the server is running");
    }

    @Override
    public Destination destination(ConnectionContext context) {
        return new PostgresDestination(settings(context), context.values().get(LoadMetadata.KEY), context.clock());
    }

    @Override
    public Set<Class<?>> clients() {
        return Set.of(PostgresSettings.class);
    }

    @Override
    public <T> Optional<T> client(ConnectionContext context, Class<T> kind) {
        return kind == PostgresSettings.class ? Optional.of(kind.cast(settings(context))) : Optional.empty();
    }

    private static PostgresSettings settings(ConnectionContext context) {
        return new PostgresSettings(context.values().get(URL), context.values().get(USER),
                context.values().find(PASSWORD).orElse(Secret.of("")));
    }

    /**
     * A PostgreSQL JDBC URL that holds no password: the driver reads {@code password=} from the query and
     * {@code user:password@} before the host, and a URL is shown in answers and messages where a secret is not.
     */
    private static boolean withoutPassword(String url) {
        String text = url.strip().toLowerCase(Locale.ROOT);
        if (!text.startsWith("jdbc:postgresql:")) {
            return false;
        }
        String rest = text.substring("jdbc:postgresql:".length());
        int query = rest.indexOf('?');
        String authority = (query < 0 ? rest : rest.substring(0, query)).replaceFirst("^//", "").split("/", 2)[0];
        return !authority.contains("@") && (query < 0 || !rest.substring(query).matches(".*[?&;]password=.*"));
    }
}
