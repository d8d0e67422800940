package dev.nsbridge.sandbox.netsuite;

import dev.nsbridge.sandbox.MovableClock;
import dev.nsbridge.sandbox.netsuite.auth.Authenticator;
import dev.nsbridge.sandbox.netsuite.auth.GeneratedCredentials;
import dev.nsbridge.sandbox.netsuite.auth.LoginAuditTrail;
import dev.nsbridge.sandbox.netsuite.data.NetSuiteAccount;
import dev.nsbridge.sandbox.netsuite.rest.LiveKnobs;
import dev.nsbridge.sandbox.netsuite.rest.NetSuiteJson;
import dev.nsbridge.sandbox.netsuite.rest.Routes;
import dev.nsbridge.sandbox.netsuite.rest.SandboxStats;
import io.javalin.Javalin;
import java.net.URI;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** The sandbox NetSuite on Javalin: the one place its parts are wired together. */
final class LocalNetSuite implements NetSuiteSandbox {
    static final String TOKEN_PATH = "/services/rest/auth/oauth2/v1/token";

    private final Javalin app;
    private final URI baseUrl;
    private final String accountId;
    private final ZoneId timeZone;
    private final Credentials credentials;
    private final MovableClock clock;
    private final NetSuiteAccount account;
    private final LiveKnobs knobs;
    private final SandboxStats stats;

    private LocalNetSuite(Javalin app, URI baseUrl, Options options, Credentials credentials, MovableClock clock,
                          NetSuiteAccount account, LiveKnobs knobs, SandboxStats stats) {
        this.app = app;
        this.baseUrl = baseUrl;
        this.accountId = options.accountId();
        this.timeZone = options.timeZone();
        this.credentials = credentials;
        this.clock = clock;
        this.account = account;
        this.knobs = knobs;
        this.stats = stats;
    }

    static NetSuiteSandbox start(Options options, NetSuiteAccount account, MovableClock clock) {
        SecureRandom random = new SecureRandom();
        GeneratedCredentials generated = GeneratedCredentials.generate(random);
        LiveKnobs knobs = new LiveKnobs(options.concurrencyLimit());
        LoginAuditTrail trail = new LoginAuditTrail();
        SandboxStats stats = new SandboxStats(trail);
        AtomicReference<URI> tokenUrl = new AtomicReference<>();
        Authenticator authenticator = new Authenticator(options.accountId(), generated.tba(), generated.clientId(),
                tokenUrl::get, generated.mappedCertificates(), clock, random, trail);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.startupWatcherEnabled = false;
            Routes.install(config, account, authenticator, knobs, stats, options.seed(), options.accountId());
        });
        try {
            app.start(options.host(), options.port());
        } catch (RuntimeException bindFailed) {
            account.close();
            throw bindFailed;
        }
        URI baseUrl = URI.create("http://" + publicHost(options.host()) + ":" + app.port());
        tokenUrl.set(baseUrl.resolve(TOKEN_PATH));
        return new LocalNetSuite(app, baseUrl, options, generated.credentials(tokenUrl.get()), clock, account, knobs,
                stats);
    }

    /** A wildcard bind address is not somewhere a client can send requests; loopback is. */
    private static String publicHost(String host) {
        return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]"
                : host;
    }

    @Override
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public String accountId() {
        return accountId;
    }

    @Override
    public Credentials credentials() {
        return credentials;
    }

    @Override
    public MovableClock clock() {
        return clock;
    }

    @Override
    public NetSuiteAccount account() {
        return account;
    }

    @Override
    public Knobs knobs() {
        return knobs;
    }

    @Override
    public Stats stats() {
        return stats;
    }

    @Override
    public String startupJson() {
        Map<String, Object> tba = new LinkedHashMap<>();
        tba.put("consumerKey", credentials.tba().consumerKey());
        tba.put("consumerSecret", credentials.tba().consumerSecret());
        tba.put("tokenId", credentials.tba().tokenId());
        tba.put("tokenSecret", credentials.tba().tokenSecret());
        List<Map<String, Object>> certificates = credentials.oauth2().certificates().stream().map(certificate -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", certificate.id());
            entry.put("keyType", certificate.keyType());
            entry.put("privateKeyPem", certificate.privateKeyPem());
            return entry;
        }).toList();
        Map<String, Object> oauth2 = new LinkedHashMap<>();
        oauth2.put("clientId", credentials.oauth2().clientId());
        oauth2.put("tokenUrl", credentials.oauth2().tokenUrl().toString());
        oauth2.put("certificates", certificates);
        Map<String, Object> netsuite = new LinkedHashMap<>();
        netsuite.put("baseUrl", baseUrl.toString());
        netsuite.put("accountId", accountId);
        netsuite.put("timeZone", timeZone.getId());
        netsuite.put("tba", tba);
        netsuite.put("oauth2", oauth2);
        return NetSuiteJson.writePlain(Map.of("netsuite", netsuite));
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            account.close();
        }
    }

    @Override
    public String toString() {
        return "NetSuiteSandbox[" + accountId + " at " + baseUrl + "]";
    }
}
