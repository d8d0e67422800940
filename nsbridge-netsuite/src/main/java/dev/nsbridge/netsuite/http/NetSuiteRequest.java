package dev.nsbridge.netsuite.http;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request to NetSuite's REST API.
 *
 * @param method      GET, POST, PATCH…
 * @param path        NetSuite's own path and query, e.g. {@code /services/rest/query/v1/suiteql?limit=1000&offset=0}
 * @param headers     extra headers ({@code Authorization} is always added by {@link NetSuiteHttp})
 * @param body        a JSON body, if any
 * @param loginCheck  true for {@code nsbridge check}, which may try once more while the lockout guard holds
 */
public record NetSuiteRequest(String method, String path, Map<String, String> headers, Optional<String> body,
                              boolean loginCheck) {
    public NetSuiteRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a NetSuite path starts with '/': " + path);
        }
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    public static NetSuiteRequest get(String path, Map<String, String> headers) {
        return new NetSuiteRequest("GET", path, headers, Optional.empty(), false);
    }

    public static NetSuiteRequest withBody(String method, String path, Map<String, String> headers, String json) {
        return new NetSuiteRequest(method, path, headers, Optional.of(json), false);
    }

    /** The same request marked as {@code nsbridge check}'s login attempt. */
    public NetSuiteRequest asLoginCheck() {
        return new NetSuiteRequest(method, path, headers, body, true);
    }
}
