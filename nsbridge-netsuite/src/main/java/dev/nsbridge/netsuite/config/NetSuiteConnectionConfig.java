package dev.nsbridge.netsuite.config;

import dev.nsbridge.netsuite.NetSuiteAccountId;
import dev.nsbridge.netsuite.auth.NetSuiteAuth;
import dev.nsbridge.netsuite.auth.OAuth2Algorithm;
import dev.nsbridge.netsuite.auth.OAuth2ClientCredentials;
import dev.nsbridge.netsuite.auth.OAuth2Credentials;
import dev.nsbridge.netsuite.auth.TbaAuth;
import dev.nsbridge.netsuite.auth.TbaCredentials;
import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.config.ConfigKey;
import dev.nsbridge.spi.config.ConfigProblem;
import dev.nsbridge.spi.config.ConfigValues;
import dev.nsbridge.spi.config.Validators;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.secret.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A NetSuite connection as {@code nsbridge.yaml} declares it ({@code type: netsuite}), parsed once into typed
 * fields. OAuth 2.0 client credentials are the default: NetSuite accepts no new TBA integrations from 2027.1.
 */
public record NetSuiteConnectionConfig(NetSuiteAccountId accountId, URI baseUrl, AuthMethod auth,
                                       ConfigValues values, int concurrency, int reserve, String dateFormat,
                                       ZoneId timeZone) {

    /** How nsbridge signs in; wire values {@code oauth2} and {@code tba}. */
    public enum AuthMethod { OAUTH2, TBA }

    public static final ConfigKey<String> ACCOUNT = ConfigKey.string("account",
            "The account id, e.g. 1234567 or 1234567_SB1 (Setup > Company > Company Information).").required()
            .validatedBy(Validators.matches("\\s*[0-9A-Za-z]+([_-](SB|RP|TD|sb|rp|td)[0-9]+)?\\s*",
                    "a NetSuite account id such as 1234567 or 1234567_SB1"));
    public static final ConfigKey<String> BASE_URL = ConfigKey.string("base_url",
            "Where REST requests go; defaults to https://<account>.suitetalk.api.netsuite.com. Set it for the sandbox.")
            .validatedBy(Validators.httpUrl());
    public static final ConfigKey<AuthMethod> AUTH = ConfigKey.enumeration("auth", AuthMethod.class,
            "oauth2 (client credentials, the default) or tba (token-based authentication).").withDefault(AuthMethod.OAUTH2);
    public static final ConfigKey<Secret> CLIENT_ID = ConfigKey.secret("client_id",
            "OAuth 2.0: the integration record's client id.");
    public static final ConfigKey<String> CERTIFICATE_ID = ConfigKey.string("certificate_id",
            "OAuth 2.0: the certificate id from the M2M setup page.");
    public static final ConfigKey<Secret> PRIVATE_KEY = ConfigKey.secret("private_key",
            "OAuth 2.0: the certificate's private key as PKCS#8 PEM text (or use private_key_file).");
    public static final ConfigKey<String> PRIVATE_KEY_FILE = ConfigKey.string("private_key_file",
            "OAuth 2.0: a file holding the certificate's private key as PKCS#8 PEM.");
    public static final ConfigKey<String> ALGORITHM = ConfigKey.string("algorithm",
            "OAuth 2.0: PS256, PS384, PS512, ES256, ES384 or ES512; defaults from the key (PS256 for RSA).");
    public static final ConfigKey<List<String>> SCOPES = ConfigKey.list("scopes",
            "OAuth 2.0: rest_webservices, restlets, suite_analytics.").withDefault(OAuth2Credentials.DEFAULT_SCOPES);
    public static final ConfigKey<Secret> CONSUMER_KEY = ConfigKey.secret("consumer_key",
            "TBA: the integration record's consumer key.");
    public static final ConfigKey<Secret> CONSUMER_SECRET = ConfigKey.secret("consumer_secret",
            "TBA: the integration record's consumer secret.");
    public static final ConfigKey<Secret> TOKEN_ID = ConfigKey.secret("token_id", "TBA: the access token's id.");
    public static final ConfigKey<Secret> TOKEN_SECRET = ConfigKey.secret("token_secret",
            "TBA: the access token's secret.");
    public static final ConfigKey<Integer> CONCURRENCY = ConfigKey.integer("concurrency",
            "Requests the account allows at once, used when the role cannot read governanceLimits.")
            .withDefault(5).validatedBy(Validators.atLeast(1));
    public static final ConfigKey<Integer> RESERVE = ConfigKey.integer("reserve",
            "Concurrency left for the account's other integrations.").withDefault(1).validatedBy(Validators.atLeast(0));
    public static final ConfigKey<String> DATE_FORMAT = ConfigKey.string("date_format",
            "The NetSuite user's date format preference, for dates a query does not project with TO_CHAR.")
            .withDefault("M/D/YYYY");
    public static final ConfigKey<String> TIME_ZONE = ConfigKey.string("time_zone",
            "The NetSuite user's time zone preference; NetSuite renders dates in it.")
            .withDefault("America/Los_Angeles");

    public static final ConfigDef DEFINITION = ConfigDef.of(ACCOUNT, BASE_URL, AUTH, CLIENT_ID, CERTIFICATE_ID,
            PRIVATE_KEY, PRIVATE_KEY_FILE, ALGORITHM, SCOPES, CONSUMER_KEY, CONSUMER_SECRET, TOKEN_ID, TOKEN_SECRET,
            CONCURRENCY, RESERVE, DATE_FORMAT, TIME_ZONE);

    /**
     * What the keys say together that no single key's check can: the credentials the chosen auth method needs and
     * a time zone Java knows. Every problem at once, each on the key to fix, for a form that marks fields.
     */
    public static List<ConfigProblem> problems(ConfigValues values) {
        List<ConfigProblem> problems = new ArrayList<>();
        AuthMethod auth = values.get(AUTH);
        String method = auth.name().toLowerCase(java.util.Locale.ROOT);
        for (ConfigKey<?> key : neededBy(auth)) {
            if (values.find(key).isEmpty()) {
                problems.add(new ConfigProblem(key.name(), ConfigProblem.Kind.MISSING, "is required with auth: "
                        + method, "add " + key.name() + " (" + key.documentation() + ")"));
            }
        }
        if (auth == AuthMethod.OAUTH2 && values.find(PRIVATE_KEY).isEmpty() && values.find(PRIVATE_KEY_FILE).isEmpty()) {
            problems.add(new ConfigProblem(PRIVATE_KEY_FILE.name(), ConfigProblem.Kind.MISSING,
                    "or private_key is required with auth: oauth2",
                    "point private_key_file at the PEM file of the certificate uploaded to the M2M setup page"));
        }
        try {
            ZoneId.of(values.get(TIME_ZONE));
        } catch (DateTimeException e) {
            problems.add(new ConfigProblem(TIME_ZONE.name(), ConfigProblem.Kind.INVALID, "is not a time zone",
                    "use a name such as America/Los_Angeles"));
        }
        return problems;
    }

    private static List<ConfigKey<?>> neededBy(AuthMethod auth) {
        return auth == AuthMethod.TBA ? List.of(CONSUMER_KEY, CONSUMER_SECRET, TOKEN_ID, TOKEN_SECRET)
                : List.of(CLIENT_ID, CERTIFICATE_ID);
    }

    /** Reads the typed values of one connection (already checked against {@link #DEFINITION}). */
    public static NetSuiteConnectionConfig from(String connection, ConfigValues values) {
        NetSuiteAccountId account = NetSuiteAccountId.parse(values.get(ACCOUNT));
        URI baseUrl = values.find(BASE_URL).map(text -> url(connection, text)).orElse(account.restBaseUrl());
        List<ConfigProblem> problems = problems(values);
        if (!problems.isEmpty()) {
            ConfigProblem first = problems.get(0);
            // The value is quoted for a time zone only: a missing key has none, and no credential is ever shown.
            String value = first.key().equals(TIME_ZONE.name()) ? " '" + values.get(TIME_ZONE) + "'" : "";
            throw new ConfigurationException(first.kind() == ConfigProblem.Kind.MISSING ? "CONFIG_MISSING_KEY"
                    : "CONFIG_INVALID_VALUE", "connections." + connection + "." + first.key() + value + " "
                    + first.message(), first.fix());
        }
        return new NetSuiteConnectionConfig(account, baseUrl, values.get(AUTH), values, values.get(CONCURRENCY),
                values.get(RESERVE), values.get(DATE_FORMAT), ZoneId.of(values.get(TIME_ZONE)));
    }

    /** The signer this connection uses; an OAuth 2.0 one asks the account's token endpoint over {@code http}. */
    public NetSuiteAuth authenticator(HttpClient http, Clock clock) {
        if (auth == AuthMethod.TBA) {
            return new TbaAuth(new TbaCredentials(accountId, values.get(CONSUMER_KEY), values.get(CONSUMER_SECRET),
                    values.get(TOKEN_ID), values.get(TOKEN_SECRET)), clock);
        }
        OAuth2Credentials credentials = OAuth2Credentials.of(accountId, values.get(CLIENT_ID),
                values.get(CERTIFICATE_ID), privateKey()).withScopes(values.get(SCOPES));
        if (!baseUrl.equals(accountId.restBaseUrl())) {
            credentials = credentials.withTokenUrl(OAuth2Credentials.tokenUrlAt(baseUrl));
        }
        Optional<String> algorithm = values.find(ALGORITHM);
        if (algorithm.isPresent()) {
            credentials = credentials.withAlgorithm(OAuth2Algorithm.parse(algorithm.get()));
        }
        return new OAuth2ClientCredentials(credentials, http, clock);
    }

    private Secret privateKey() {
        Optional<Secret> inline = values.find(PRIVATE_KEY);
        if (inline.isPresent()) {
            return inline.get();
        }
        Path file = Path.of(values.get(PRIVATE_KEY_FILE));
        try {
            return Secret.of(Files.readString(file));
        } catch (IOException e) {
            throw new ConfigurationException("CONFIG_INVALID_VALUE", "private_key_file " + file + " cannot be read: "
                    + e.getClass().getSimpleName(), "check the path and that nsbridge may read the file");
        }
    }

    private static URI url(String connection, String text) {
        try {
            URI uri = URI.create(text.strip().replaceAll("/+$", ""));
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("CONFIG_INVALID_VALUE", "connections." + connection + ".base_url: '"
                    + text + "' is not a URL", "write it as https://host[:port], or remove it to use NetSuite's own");
        }
    }

    @Override
    public String toString() {
        return "NetSuiteConnectionConfig[account=" + accountId + ", baseUrl=" + baseUrl + ", auth=" + auth + "]";
    }
}
