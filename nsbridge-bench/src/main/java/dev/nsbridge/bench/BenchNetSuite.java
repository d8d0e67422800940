package dev.nsbridge.bench;

import dev.nsbridge.netsuite.NetSuiteAccountId;
import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.NetSuiteConnection;
import dev.nsbridge.netsuite.auth.TbaAuth;
import dev.nsbridge.netsuite.auth.TbaCredentials;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/** A NetSuite client for the sandbox, wired as the app's Workspace wires one, with the budget the benchmark sets. */
final class BenchNetSuite {
    /**
     * The benchmark takes the whole pool (reserve 0), so its budget equals the limit; in production the default
     * reserve of 1 leaves a slot for the account's other integrations.
     */
    static final int RESERVE = 0;

    private BenchNetSuite() {
    }

    static NetSuiteClient client(SandboxAccess access, int concurrencyLimit, Path stateDirectory) {
        NetSuiteAccountId account = NetSuiteAccountId.parse(access.accountId());
        Clock clock = Clock.systemUTC();
        TbaAuth auth = new TbaAuth(new TbaCredentials(account, access.consumerKey(), access.consumerSecret(),
                access.tokenId(), access.tokenSecret()), clock);
        NetSuiteConnection connection = NetSuiteConnection.of(account, auth, stateDirectory)
                .withBaseUrl(access.baseUrl())
                .withConcurrency(concurrencyLimit, RESERVE)
                .withDates(NetSuiteConnection.DEFAULT_DATE_FORMAT, ZoneId.of(access.timeZone()));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
        return new NetSuiteClient(connection, http, clock);
    }
}
