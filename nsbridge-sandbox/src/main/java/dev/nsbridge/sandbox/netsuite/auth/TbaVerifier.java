package dev.nsbridge.sandbox.netsuite.auth;

import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Token-based authentication (OAuth 1.0a, HMAC-SHA256 only) checked the way reference §2 describes it. */
final class TbaVerifier {
    static final Duration ALLOWED_SKEW = Duration.ofMinutes(5);
    private static final int MIN_NONCE_LENGTH = 6;
    private static final List<String> REQUIRED = List.of("realm", "oauth_consumer_key", "oauth_token", "oauth_nonce",
            "oauth_timestamp", "oauth_signature_method", "oauth_signature");

    private final String accountId;
    private final NetSuiteSandbox.Tba tba;
    private final Clock clock;
    /** nonce and timestamp pairs already accepted, with the timestamp, so old ones can be forgotten. */
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final AtomicInteger sincePrune = new AtomicInteger();

    TbaVerifier(String accountId, NetSuiteSandbox.Tba tba, Clock clock) {
        this.accountId = accountId;
        this.tba = tba;
        this.clock = clock;
    }

    Verdict verify(RequestFacts request) {
        Optional<Map<String, String>> parsed = OAuthHeader.parse(request.authorization());
        if (parsed.isEmpty()) {
            return Verdict.refuse(false, "malformed OAuth header");
        }
        Map<String, String> oauth = parsed.get();
        for (String name : REQUIRED) {
            if (!oauth.containsKey(name)) {
                return Verdict.refuse(false, "missing " + name);
            }
        }
        boolean namesUser = same(oauth.get("oauth_consumer_key"), tba.consumerKey())
                && same(oauth.get("oauth_token"), tba.tokenId());
        if (!namesUser) {
            return Verdict.refuse(false, "unknown consumer key or token");
        }
        // NetSuite writes the realm upper case with the underscore; 1234567_sb1 is refused (reference §1).
        if (!oauth.get("realm").equals(accountId)) {
            return Verdict.refuse(true, "realm does not match the account id");
        }
        if (!"HMAC-SHA256".equals(oauth.get("oauth_signature_method"))) {
            return Verdict.refuse(true, "signature method is not HMAC-SHA256");
        }
        if (oauth.containsKey("oauth_version") && !"1.0".equals(oauth.get("oauth_version"))) {
            return Verdict.refuse(true, "oauth_version is not 1.0");
        }
        if (oauth.get("oauth_nonce").length() < MIN_NONCE_LENGTH) {
            return Verdict.refuse(true, "nonce shorter than 6 characters");
        }
        Instant timestamp;
        try {
            timestamp = Instant.ofEpochSecond(Long.parseLong(oauth.get("oauth_timestamp")));
        } catch (NumberFormatException notANumber) {
            return Verdict.refuse(true, "timestamp is not a number");
        }
        Instant now = clock.instant();
        if (Duration.between(timestamp, now).abs().compareTo(ALLOWED_SKEW) > 0) {
            return Verdict.refuse(true, "timestamp more than 5 minutes from the server clock");
        }
        Optional<List<String[]>> query = queryParams(request.rawQuery());
        if (query.isEmpty()) {
            return Verdict.refuse(true, "malformed query string");
        }
        String expected = sign(baseString(request, oauth, query.get()));
        if (!same(expected, oauth.get("oauth_signature"))) {
            return Verdict.refuse(true, "signature does not match");
        }
        // Only a correctly signed request uses up its nonce: a forged one must not be able to burn a client's nonce.
        if (seen.putIfAbsent(oauth.get("oauth_nonce") + '|' + timestamp.getEpochSecond(), timestamp) != null) {
            return Verdict.refuse(true, "nonce and timestamp already used");
        }
        pruneNowAndThen(now);
        return Verdict.accept();
    }

    private String baseString(RequestFacts request, Map<String, String> oauth, List<String[]> query) {
        List<String[]> pairs = new ArrayList<>();
        oauth.forEach((name, value) -> {
            if (name.startsWith("oauth_") && !name.equals("oauth_signature")) {
                pairs.add(new String[] {PercentCoding.encode(name), PercentCoding.encode(value)});
            }
        });
        for (String[] param : query) {
            pairs.add(new String[] {PercentCoding.encode(param[0]), PercentCoding.encode(param[1])});
        }
        // RFC 5849 §3.4.1.3.2: sort by encoded name, then encoded value.
        pairs.sort(Comparator.<String[], String>comparing(pair -> pair[0]).thenComparing(pair -> pair[1]));
        StringJoiner normalized = new StringJoiner("&");
        pairs.forEach(pair -> normalized.add(pair[0] + '=' + pair[1]));
        return request.method().toUpperCase(Locale.ROOT) + '&' + PercentCoding.encode(baseUri(request)) + '&'
                + PercentCoding.encode(normalized.toString());
    }

    private static String baseUri(RequestFacts request) {
        String scheme = request.scheme().toLowerCase(Locale.ROOT);
        String host = request.host() == null ? "" : request.host().toLowerCase(Locale.ROOT);
        String defaultPort = scheme.equals("https") ? ":443" : ":80";
        if (host.endsWith(defaultPort)) {
            host = host.substring(0, host.length() - defaultPort.length());
        }
        return scheme + "://" + host + request.path();
    }

    private static Optional<List<String[]>> queryParams(String rawQuery) {
        List<String[]> params = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.of(params);
        }
        try {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                params.add(new String[] {PercentCoding.decode(name, true), PercentCoding.decode(value, true)});
            }
        } catch (IllegalArgumentException badEscape) {
            return Optional.empty();
        }
        return Optional.of(params);
    }

    private String sign(String baseString) {
        String key = PercentCoding.encode(tba.consumerSecret()) + '&' + PercentCoding.encode(tba.tokenSecret());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is not available", unavailable);
        }
    }

    /** Constant time, so a caller cannot learn a signature byte by byte from how long a refusal takes. */
    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private void pruneNowAndThen(Instant now) {
        if (sincePrune.incrementAndGet() % 1024 == 0) {
            Instant horizon = now.minus(ALLOWED_SKEW.multipliedBy(2));
            seen.values().removeIf(at -> at.isBefore(horizon));
        }
    }
}
