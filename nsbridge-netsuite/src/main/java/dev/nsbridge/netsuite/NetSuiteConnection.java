package dev.nsbridge.netsuite;

import dev.nsbridge.netsuite.auth.NetSuiteAuth;
import dev.nsbridge.netsuite.governance.LoginRecords;
import dev.nsbridge.netsuite.http.RetryPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything nsbridge needs to talk to one NetSuite account.
 *
 * @param accountId      the account, e.g. {@code 1234567_SB1}
 * @param baseUrl        where REST paths start; the account's own host unless a sandbox stands in
 * @param auth           signs each request
 * @param concurrency    the account's concurrency limit, used when the role cannot read governanceLimits
 * @param reserve        requests left free for the account's other integrations
 * @param stateDirectory where the lockout guard and the catalog cache keep their files
 * @param dateFormat     the NetSuite user's Date Format preference, e.g. {@code M/D/YYYY}
 * @param timeZone       the NetSuite user's time zone, in which SuiteQL renders dates
 * @param retryPolicy    how throttled and failed requests are retried
 * @param loginRecords   where the lockout guard counts failed logins when not in its file under stateDirectory:
 *                       a directory of the host, a store that several servers share, or both
 */
public record NetSuiteConnection(NetSuiteAccountId accountId, URI baseUrl, NetSuiteAuth auth, int concurrency,
                                 int reserve, Path stateDirectory, String dateFormat, ZoneId timeZone,
                                 RetryPolicy retryPolicy, Optional<LoginRecords> loginRecords) {
    public static final int DEFAULT_CONCURRENCY = 5;
    public static final int DEFAULT_RESERVE = 1;
    public static final String DEFAULT_DATE_FORMAT = "M/D/YYYY";
    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("America/Los_Angeles");

    public NetSuiteConnection {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        Objects.requireNonNull(dateFormat, "dateFormat");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(loginRecords, "loginRecords");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        if (reserve < 0) {
            throw new IllegalArgumentException("reserve cannot be negative: " + reserve);
        }
    }

    /** A connection to the account's own REST host with every default. */
    public static NetSuiteConnection of(NetSuiteAccountId accountId, NetSuiteAuth auth, Path stateDirectory) {
        return new NetSuiteConnection(accountId, accountId.restBaseUrl(), auth, DEFAULT_CONCURRENCY, DEFAULT_RESERVE,
                stateDirectory, DEFAULT_DATE_FORMAT, DEFAULT_TIME_ZONE, RetryPolicy.DEFAULT, Optional.empty());
    }

    public NetSuiteConnection withBaseUrl(URI value) {
        return new NetSuiteConnection(accountId, value, auth, concurrency, reserve, stateDirectory, dateFormat,
                timeZone, retryPolicy, loginRecords);
    }

    public NetSuiteConnection withConcurrency(int value, int reserveValue) {
        return new NetSuiteConnection(accountId, baseUrl, auth, value, reserveValue, stateDirectory, dateFormat,
                timeZone, retryPolicy, loginRecords);
    }

    public NetSuiteConnection withDates(String dateFormatValue, ZoneId timeZoneValue) {
        return new NetSuiteConnection(accountId, baseUrl, auth, concurrency, reserve, stateDirectory,
                dateFormatValue, timeZoneValue, retryPolicy, loginRecords);
    }

    public NetSuiteConnection withRetryPolicy(RetryPolicy value) {
        return new NetSuiteConnection(accountId, baseUrl, auth, concurrency, reserve, stateDirectory, dateFormat,
                timeZone, value, loginRecords);
    }

    /** Counts failed logins in {@code records} (shared with other processes) instead of the file. */
    public NetSuiteConnection withLoginRecords(LoginRecords records) {
        return new NetSuiteConnection(accountId, baseUrl, auth, concurrency, reserve, stateDirectory, dateFormat,
                timeZone, retryPolicy, Optional.of(records));
    }

    /** Names the auth method only: an implementation's own toString could carry a credential. */
    @Override
    public String toString() {
        return "NetSuiteConnection[accountId=" + accountId + ", baseUrl=" + baseUrl + ", auth=" + auth.method()
                + ", concurrency=" + concurrency + ", reserve=" + reserve + ", stateDirectory=" + stateDirectory
                + ", dateFormat=" + dateFormat + ", timeZone=" + timeZone + ", retryPolicy=" + retryPolicy + "]";
    }
}
