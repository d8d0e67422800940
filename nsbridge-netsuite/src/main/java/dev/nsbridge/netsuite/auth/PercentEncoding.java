package dev.nsbridge.netsuite.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * RFC 5849 §3.6 percent-encoding, the only encoding an OAuth 1.0a signature accepts: {@code URLEncoder} is not it
 * (it writes a space as {@code +} and leaves {@code *} alone), and a single differing byte makes NetSuite answer
 * "Invalid login attempt".
 */
final class PercentEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    /** Keeps {@code A-Z a-z 0-9 - . _ ~}; every other UTF-8 byte becomes {@code %XX} with upper-case hex. */
    static String encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0x0F]);
            }
        }
        return out.toString();
    }

    /**
     * Decodes one query name or value. RFC 5849 §3.4.1.3.1 parses the query as
     * {@code application/x-www-form-urlencoded}, so {@code +} is a space: a literal plus must travel as {@code %2B}.
     */
    static String decodeQueryComponent(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
