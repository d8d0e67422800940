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
 */
public record KlaviyoSettings(Connection connection, RetryPolicy retry, JobPolling polling) {
    public KlaviyoSettings {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(polling, "polling");
    }

    /** Klaviyo at https://a.klaviyo.com with default retries and polling. */
    public static KlaviyoSettings of(Secret apiKey) {
        return new KlaviyoSettings(Connection.klaviyo(apiKey), RetryPolicy.defaults(), JobPolling.defaults());
    }

    /** The same settings against another base URL, such as the local sandbox. */
    public KlaviyoSettings withBaseUri(URI baseUri) {
        return new KlaviyoSettings(connection.withBaseUri(baseUri), retry, polling);
    }
}
