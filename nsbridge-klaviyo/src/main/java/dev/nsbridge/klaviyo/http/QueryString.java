package dev.nsbridge.klaviyo.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A query string with every name and value percent-encoded, so brackets in {@code page[size]} and anything a value
 * holds ({@code ,}, {@code &}, {@code "}) arrive as data and never as syntax.
 */
public final class QueryString {
    private final Map<String, String> parameters = new LinkedHashMap<>();

    public static QueryString empty() {
        return new QueryString();
    }

    public QueryString with(String name, String value) {
        if (value != null) {
            parameters.put(name, value);
        }
        return this;
    }

    public QueryString with(String name, int value) {
        return with(name, Integer.toString(value));
    }

    /** {@code ?a=b&c=d}, or nothing. */
    public String encoded() {
        if (parameters.isEmpty()) {
            return "";
        }
        StringJoiner joined = new StringJoiner("&", "?", "");
        parameters.forEach((name, value) -> joined.add(encode(name) + "=" + encode(value)));
        return joined.toString();
    }

    /** One path segment such as a list id; {@code /} or {@code ?} in it cannot reach another resource. */
    public static String pathSegment(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an id in a path must not be blank");
        }
        return encode(value);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
