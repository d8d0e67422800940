package dev.nsbridge.klaviyo;

import dev.nsbridge.klaviyo.http.Connection;
import dev.nsbridge.klaviyo.http.RetryPolicy;
import dev.nsbridge.klaviyo.jobs.JobPolling;
import dev.nsbridge.spi.secret.Secret;
import java.net.URI;
import java.util.Objects;

/**
 * Everything the Klaviyo client is configured with.
 *
 * @param connection where Klaviyo is and the private key
 * @param retry      how 429s, 5xx and dropped connections are retried
 * @param polling    how bulk jobs are awaited
 * @param rateShares in how many equal parts each endpoint's rate limits are split, of which this client keeps to
 *                   one: 1 for a process alone on the account, the task count for the Kafka Connect sink's tasks
 */
public record KlaviyoSettings(Connection connection, RetryPolicy retry, JobPolling polling, int rateShares) {
    public KlaviyoSettings {
        if (rateShares < 1) {
            throw new IllegalArgumentException("rateShares must be at least 1, not " + rateShares);
        }
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(polling, "polling");
    }

    /** Klaviyo at https://a.klaviyo.com with default retries and polling. */
    public static KlaviyoSettings of(Secret apiKey) {
        return new KlaviyoSettings(Connection.klaviyo(apiKey), RetryPolicy.defaults(), JobPolling.defaults(), 1);
    }

    /** The same settings against another base URL, such as the local sandbox. */
    public KlaviyoSettings withBaseUri(URI baseUri) {
        return new KlaviyoSettings(connection.withBaseUri(baseUri), retry, polling, rateShares);
    }

    /** The same settings keeping to one of {@code shares} equal parts of each endpoint's rate limits. */
    public KlaviyoSettings withRateShares(int shares) {
        return new KlaviyoSettings(connection, retry, polling, shares);
    }
}
