package dev.nsbridge.sandbox.netsuite.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** RFC 5849 §3.6 percent-encoding, written here so the server does not borrow the client's idea of it. */
final class PercentCoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentCoding() {
    }

    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /**
     * Decodes {@code %XX} sequences; {@code formEncoded} also turns {@code +} into a space, which query strings
     * mean (RFC 5849 §3.4.1.3.1 parses them as application/x-www-form-urlencoded) and header values do not.
     */
    static String decode(String value, boolean formEncoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            int c = value.codePointAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    throw new IllegalArgumentException("truncated percent escape");
                }
                bytes.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '+' && formEncoded) {
                bytes.write(' ');
            } else {
                byte[] raw = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
                i += Character.charCount(c) - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
