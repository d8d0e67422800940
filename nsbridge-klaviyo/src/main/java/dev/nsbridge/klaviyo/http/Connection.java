package dev.nsbridge.klaviyo.http;

import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.secret.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where Klaviyo is and the private API key that opens it.
 *
 * @param baseUri        {@code https://a.klaviyo.com}, or the local sandbox
 * @param apiKey         a private key ({@code pk_…}); only ever sent in the {@code Authorization} header
 * @param requestTimeout how long one request may take before it counts as a transient failure
 */
public record Connection(URI baseUri, Secret apiKey, Duration requestTimeout) {
    public static final URI DEFAULT_BASE_URI = URI.create("https://a.klaviyo.com");

    public Connection {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (apiKey.isEmpty()) {
            throw new ConfigurationException("KLAVIYO_API_KEY_MISSING", "The Klaviyo private API key is empty.",
                    "Create a private API key in Klaviyo (Settings > API keys) and set it on the klaviyo connection.");
        }
        if (baseUri.getScheme() == null || baseUri.getHost() == null) {
            throw new ConfigurationException("KLAVIYO_BASE_URL_INVALID", "The Klaviyo base URL must be absolute: "
                    + baseUri, "Leave it unset for https://a.klaviyo.com, or give the sandbox's http://localhost:PORT.");
        }
        String text = baseUri.toString();
        baseUri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** Klaviyo itself, with a timeout generous enough for a 5 MB bulk request. */
    public static Connection klaviyo(Secret apiKey) {
        return new Connection(DEFAULT_BASE_URI, apiKey, Duration.ofSeconds(60));
    }

    public Connection withBaseUri(URI uri) {
        return new Connection(uri, apiKey, requestTimeout);
    }
}
