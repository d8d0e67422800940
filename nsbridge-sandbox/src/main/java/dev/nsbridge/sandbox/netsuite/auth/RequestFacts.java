package dev.nsbridge.sandbox.netsuite.auth;

/**
 * What the credential checks need from one HTTP request, as the client sent it.
 *
 * @param method        e.g. {@code POST}
 * @param scheme        {@code http} for the sandbox
 * @param host          the {@code Host} header: the signature covers the host the client addressed
 * @param path          the raw request path, without the query
 * @param rawQuery      the raw query string, or null
 * @param authorization the {@code Authorization} header, or null
 */
public record RequestFacts(String method, String scheme, String host, String path, String rawQuery,
                           String authorization) {
}
