package dev.nsbridge.sandbox.netsuite.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code Authorization: OAuth k="v", …} into decoded values, in any order (RFC 5849 §3.5.1). */
final class OAuthHeader {
    private static final Pattern PAIR = Pattern.compile("\\s*([A-Za-z0-9_.~%-]+)\\s*=\\s*\"([^\"]*)\"\\s*(,|$)");

    private OAuthHeader() {
    }

    /** The decoded parameters, or empty when the header is malformed or names a parameter twice. */
    static Optional<Map<String, String>> parse(String header) {
        if (header == null || !header.regionMatches(true, 0, "OAuth ", 0, 6)) {
            return Optional.empty();
        }
        String rest = header.substring(6);
        Map<String, String> params = new LinkedHashMap<>();
        Matcher matcher = PAIR.matcher(rest);
        int at = 0;
        while (at < rest.length()) {
            if (!matcher.find(at) || matcher.start() != at) {
                return Optional.empty();
            }
            try {
                String name = PercentCoding.decode(matcher.group(1), false);
                if (params.put(name, PercentCoding.decode(matcher.group(2), false)) != null) {
                    return Optional.empty();
                }
            } catch (IllegalArgumentException badEscape) {
                return Optional.empty();
            }
            at = matcher.end();
        }
        return params.isEmpty() ? Optional.empty() : Optional.of(params);
    }
}
