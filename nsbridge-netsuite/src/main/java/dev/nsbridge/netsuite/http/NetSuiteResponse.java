package dev.nsbridge.netsuite.http;

import java.util.Objects;
import java.util.Optional;

/**
 * A successful answer.
 *
 * @param status   the HTTP status (2xx)
 * @param location the {@code Location} header, which carries a created record's id
 * @param body     the body as text, empty for 204
 */
public record NetSuiteResponse(int status, Optional<String> location, String body) {
    public NetSuiteResponse {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(body, "body");
    }
}
