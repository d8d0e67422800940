package dev.nsbridge.klaviyo.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one answer's {@code RateLimit-*} headers say about one of Klaviyo's windows for the operation.
 *
 * <p>The form, as Klaviyo sends it: its guide (developers.klaviyo.com, "Rate limits, status codes, and errors")
 * names {@code RateLimit-Limit}, {@code RateLimit-Remaining} (approximate) and {@code RateLimit-Reset} (seconds) on
 * every answer that is not a 429, and says they describe the steady window. Answers recorded from the live API
 * (revision 2026-07-15) are richer: {@code RateLimit-Limit: 10, 10;w=1, 150;w=60} with {@code RateLimit-Remaining: 9}
 * and {@code RateLimit-Reset: 0}, here about the burst window; an endpoint with a daily cap adds a policy such as
 * {@code 225;w=86400}. That is the IETF draft's multi-window form (draft-ietf-httpapi-ratelimit-headers -01 to -06,
 * section 3.1): first the limit of the window "closer to reach its limit", then each window's policy as
 * {@code quota;w=seconds}; Remaining and Reset belong to that first window (section 4: the window "with the lower
 * RateLimit-Remaining").
 *
 * <p>So a report names its window when the policies say which one the first value is; a bare count (the guide's
 * form) names none, and {@link TwoWindowLimiter} decides. The fields are parsed here rather than with a
 * structured-field library: the draft's syntax is a list of integers with one parameter, and a lenient reading
 * (unknown parameters and malformed members skipped) matters more than strictness for a header that only advises.
 *
 * @param limit         the first value of {@code RateLimit-Limit}: the limit of the window reported; empty when the
 *                      header is missing or has no bare count
 * @param windowSeconds the length of that window, when a policy names it
 * @param remaining     requests left in that window
 * @param reset         time until that window starts over, in whole seconds (Klaviyo rounds down: a burst window
 *                      reports 0)
 */
public record RateLimitReport(OptionalInt limit, OptionalInt windowSeconds, int remaining, Duration reset) {
    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");
    private static final Pattern WINDOW = Pattern.compile("(?i)w\\s*=\\s*(\\d{1,9})");

    /** One {@code quota;w=seconds} member of {@code RateLimit-Limit}. */
    private record Policy(int quota, int seconds) {
    }

    /**
     * Reads the three headers' values (each null when absent; a header sent on several lines joined with commas).
     * Empty when Remaining or Reset is missing or not a count: without them there is nothing to learn.
     */
    public static Optional<RateLimitReport> parse(String limitHeader, String remainingHeader, String resetHeader) {
        OptionalInt remaining = count(remainingHeader);
        OptionalInt reset = count(resetHeader);
        if (remaining.isEmpty() || reset.isEmpty()) {
            return Optional.empty();
        }
        OptionalInt limit = OptionalInt.empty();
        List<Policy> policies = new ArrayList<>();
        String[] members = limitHeader == null ? new String[0] : limitHeader.split(",");
        for (int i = 0; i < members.length; i++) {
            String[] parts = members[i].split(";");
            OptionalInt quota = count(parts[0]);
            if (quota.isEmpty()) {
                continue;
            }
            OptionalInt seconds = window(parts);
            if (seconds.isPresent()) {
                policies.add(new Policy(quota.getAsInt(), seconds.getAsInt()));
            } else if (i == 0) {
                limit = quota;
            }
        }
        return Optional.of(new RateLimitReport(limit, windowOf(limit, policies, reset.getAsInt()),
                remaining.getAsInt(), Duration.ofSeconds(reset.getAsInt())));
    }

    /**
     * The window whose policy has the reported limit as its quota. Should two windows share a quota, a Reset longer
     * than a window rules that window out; still two, and the report names none.
     */
    private static OptionalInt windowOf(OptionalInt limit, List<Policy> policies, int resetSeconds) {
        if (limit.isEmpty()) {
            return OptionalInt.empty();
        }
        List<Policy> candidates = policies.stream()
                .filter(policy -> policy.quota() == limit.getAsInt() && resetSeconds <= policy.seconds()).toList();
        return candidates.size() == 1 ? OptionalInt.of(candidates.get(0).seconds()) : OptionalInt.empty();
    }

    private static OptionalInt window(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            Matcher matcher = WINDOW.matcher(parts[i].trim());
            if (matcher.matches()) {
                return OptionalInt.of(Integer.parseInt(matcher.group(1)));
            }
        }
        return OptionalInt.empty();
    }

    private static OptionalInt count(String value) {
        if (value == null) {
            return OptionalInt.empty();
        }
        String trimmed = value.trim();
        return COUNT.matcher(trimmed).matches() ? OptionalInt.of(Integer.parseInt(trimmed)) : OptionalInt.empty();
    }
}
