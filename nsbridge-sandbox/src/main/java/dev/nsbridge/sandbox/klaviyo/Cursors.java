package dev.nsbridge.sandbox.klaviyo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * Opaque page cursors. The cursor holds an offset into the query's sorted result; clients only follow
 * {@code links.next}, which repeats the query with the cursor, as Klaviyo's links do.
 */
final class Cursors {
    private static final String PREFIX = "sbx1:";

    private Cursors() {
    }

    static int offset(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!decoded.startsWith(PREFIX)) {
                throw new IllegalArgumentException(cursor);
            }
            return Integer.parseInt(decoded.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new KlaviyoApiException(ApiError.invalidParameter("Invalid page cursor.", "page[cursor]"));
        }
    }

    static String next(ApiCall call, int offset) {
        String cursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
        String query = call.query().entrySet().stream()
                .filter(entry -> !entry.getKey().equals("page[cursor]"))
                .flatMap(entry -> entry.getValue().stream().map(value -> encode(entry.getKey()) + "=" + encode(value)))
                .collect(Collectors.joining("&"));
        return call.selfUrl() + "?" + (query.isEmpty() ? "" : query + "&") + "page%5Bcursor%5D=" + cursor;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
