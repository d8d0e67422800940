package dev.nsbridge.netsuite.auth;

import java.net.URI;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One request signed the way NetSuite checks token-based authentication: OAuth 1.0a (RFC 5849) with HMAC-SHA256.
 * A pure function of its inputs, so tests can reproduce Oracle's published vector and look at the base string.
 *
 * @param baseString    {@code METHOD&enc(scheme://host/path)&enc(sorted parameters)}, the text that was signed
 * @param signature     Base64(HMAC-SHA256(enc(consumerSecret)&enc(tokenSecret), baseString))
 * @param authorization the whole {@code Authorization} header value
 */
public record TbaSignature(String baseString, String signature, String authorization) {
    static final String SIGNATURE_METHOD = "HMAC-SHA256";
    static final String VERSION = "1.0";

    /**
     * Signs one request. Query parameters are signed; a body never is (NetSuite signs none of its JSON bodies).
     *
     * @param method    the HTTP method, any case
     * @param uri       the full request URI, query included
     * @param nonce     a fresh nonce; NetSuite accepts each nonce and timestamp pair once
     * @param timestamp seconds since the epoch; NetSuite allows five minutes of skew
     */
    public static TbaSignature sign(String method, URI uri, TbaCredentials credentials, String nonce,
                                    long timestamp) {
        Map<String, String> oauth = new LinkedHashMap<>();
        oauth.put("oauth_token", credentials.tokenId().reveal());
        oauth.put("oauth_consumer_key", credentials.consumerKey().reveal());
        oauth.put("oauth_nonce", nonce);
        oauth.put("oauth_timestamp", Long.toString(timestamp));
        oauth.put("oauth_signature_method", SIGNATURE_METHOD);
        oauth.put("oauth_version", VERSION);

        String baseString = baseString(method, uri, oauth);
        String key = PercentEncoding.encode(credentials.consumerSecret().reveal()) + "&"
                + PercentEncoding.encode(credentials.tokenSecret().reveal());
        String signature = HmacSha256.base64(key, baseString);
        return new TbaSignature(baseString, signature, header(credentials.accountId().realm(), oauth, signature));
    }

    static String baseString(String method, URI uri, Map<String, String> oauthParameters) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        oauthParameters.forEach((name, value) -> parameters.add(encoded(name, value)));
        parameters.addAll(queryParameters(uri));
        // RFC 5849 §3.4.1.3.2: sort the encoded names, then the encoded values, by byte value (encoded text is
        // ASCII, so String order is byte order).
        String normalized = parameters.stream()
                .sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("&"));
        return method.toUpperCase(Locale.ROOT) + "&" + PercentEncoding.encode(baseUri(uri)) + "&"
                + PercentEncoding.encode(normalized);
    }

    /** RFC 5849 §3.4.1.2: scheme and host lower case, the default port dropped, no query or fragment. */
    static String baseUri(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("a signed request needs an absolute URI with a host: " + uri);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80)
                || ("https".equals(scheme) && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
    }

    private static List<Map.Entry<String, String>> queryParameters(URI uri) {
        String query = uri.getRawQuery();
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            // Decoded first so that however the caller escaped the query, the signed form is the canonical one.
            parameters.add(encoded(PercentEncoding.decodeQueryComponent(name),
                    PercentEncoding.decodeQueryComponent(value)));
        }
        return parameters;
    }

    private static Map.Entry<String, String> encoded(String name, String value) {
        return new SimpleImmutableEntry<>(PercentEncoding.encode(name), PercentEncoding.encode(value));
    }

    private static String header(String realm, Map<String, String> oauth, String signature) {
        StringBuilder header = new StringBuilder("OAuth realm=\"").append(PercentEncoding.encode(realm)).append('"');
        oauth.forEach((name, value) -> appendPair(header, name, value));
        appendPair(header, "oauth_signature", signature);
        return header.toString();
    }

    private static void appendPair(StringBuilder header, String name, String value) {
        header.append(", ").append(name).append("=\"").append(PercentEncoding.encode(value)).append('"');
    }

    /** The base string and header carry the consumer key and token id, which are kept out of logs. */
    @Override
    public String toString() {
        return "TbaSignature[hidden]";
    }
}
