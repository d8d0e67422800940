package dev.nsbridge.klaviyo;

import dev.nsbridge.klaviyo.http.Timing;
import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.config.ConfigKey;
import dev.nsbridge.spi.config.Validators;
import dev.nsbridge.spi.connection.CheckResult;
import dev.nsbridge.spi.connection.ConnectionContext;
import dev.nsbridge.spi.connection.ConnectionRole;
import dev.nsbridge.spi.connection.ConnectionType;
import dev.nsbridge.spi.secret.Secret;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code type: klaviyo}: an account the flows write profiles, events and catalog items to. */
public final class KlaviyoConnectionType implements ConnectionType {
    public static final String NAME = "klaviyo";

    public static final ConfigKey<Secret> API_KEY = ConfigKey.secret("api_key",
            "A private API key (pk_...) with the scopes the flows need; write it as ${ENV_NAME}.").required();
    public static final ConfigKey<String> BASE_URL = ConfigKey.string("base_url",
            "Where API requests go; https://a.klaviyo.com unless pointed at the sandbox.")
            .withDefault("https://a.klaviyo.com").validatedBy(Validators.httpUrl());
    public static final ConfigDef DEFINITION = ConfigDef.of(API_KEY, BASE_URL);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "A Klaviyo account (JSON:API, private key).";
    }

    @Override
    public ConfigDef definition() {
        return DEFINITION;
    }

    @Override
    public Set<ConnectionRole> roles() {
        return Set.of(ConnectionRole.FLOW_MARKETING);
    }

    /** The key is accepted when the account answers; the answer names the account, never the key. */
    @Override
    public CheckResult check(ConnectionContext context) {
        Account account = client(context).testConnection();
        String detail = "API key accepted for account " + account.id() + " (" + account.organizationName() + ")"
                + (account.testAccount() ? ", a test account" : "");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("detail", detail);
        details.put("account", account.id());
        return CheckResult.passed("Klaviyo: " + detail + "\n", details);
    }

    @Override
    public Set<Class<?>> clients() {
        return Set.of(KlaviyoClient.class);
    }

    @Override
    public <T> Optional<T> client(ConnectionContext context, Class<T> kind) {
        return kind == KlaviyoClient.class ? Optional.of(kind.cast(client(context))) : Optional.empty();
    }

    private static KlaviyoClient client(ConnectionContext context) {
        KlaviyoSettings settings = KlaviyoSettings.of(context.values().get(API_KEY))
                .withBaseUri(URI.create(context.values().get(BASE_URL)));
        return new KlaviyoClient(context.http(), settings, Timing.system());
    }
}
