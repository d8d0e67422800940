package dev.nsbridge.klaviyo.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * At most {@code limit} requests in any stretch of {@code length + margin}, wherever Klaviyo's fixed window of
 * {@code length} happens to start.
 *
 * <p>Why rolling and not fixed: Klaviyo documents fixed windows but not where they start, nor does our clock agree
 * with theirs to the millisecond. A fixed window of our own that opens at our first request can straddle two of
 * theirs and fill the second one twice over. A rolling window never holds more than {@code limit} in any stretch of
 * its length, so no fixed window of that length, however placed, can see more; over time it lets through the same
 * {@code limit} per {@code length}. The margin covers what our clock cannot see: a request is counted when it
 * reaches Klaviyo, some variable time after we sent it.
 *
 * <p>Requests of the same account that other integrations send are learnt from {@code RateLimit-Remaining}, from the
 * answers that describe this window: they are held as "others" until Klaviyo's window resets.
 */
final class RollingWindow {
    /**
     * {@code RateLimit-Reset} is in whole seconds, rounded down (Klaviyo's burst window reports 0), so the window ends
     * up to this much later than it says.
     */
    private static final Duration RESET_ROUNDING = Duration.ofSeconds(1);

    private final Duration length;
    private final Duration margin;
    private final int limit;
    /** When our own requests were let through, oldest first; at most {@code limit}. */
    private final ArrayDeque<Instant> sent = new ArrayDeque<>();
    private int others;
    private Instant othersUntil = Instant.MIN;

    RollingWindow(Duration length, Duration margin, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a window needs room for at least one request");
        }
        this.length = length;
        this.margin = margin;
        this.limit = limit;
    }

    /** How long until one more request fits; zero if it fits now. */
    Duration waitFor(Instant now) {
        expire(now);
        int othersNow = now.isBefore(othersUntil) ? others : 0;
        int mustFree = sent.size() + othersNow - limit + 1;
        if (mustFree <= 0) {
            return Duration.ZERO;
        }
        // Room comes when enough of our own requests age out, or when the others' window resets: whichever first.
        Instant ours = mustFree <= sent.size() ? nth(mustFree).plus(span()) : Instant.MAX;
        Instant theirs = sent.size() < limit ? othersUntil : max(othersUntil, sent.peekFirst().plus(span()));
        Instant free = othersNow > 0 && theirs.isBefore(ours) ? theirs : ours;
        return Duration.between(now, free);
    }

    void take(Instant now) {
        sent.addLast(now);
    }

    /**
     * Klaviyo says {@code remaining} requests are left in its window, which resets in {@code reset}. Whatever it
     * counted beyond our own requests of that window was sent by someone else with the account's key.
     */
    void observe(Instant now, int remaining, Duration reset) {
        expire(now);
        Instant serverEnd = now.plus(reset.isNegative() ? Duration.ZERO : reset);
        Instant serverStart = serverEnd.minus(length).minus(margin);
        int serverUsed = limit - Math.max(0, Math.min(limit, remaining));
        int ours = 0;
        for (Iterator<Instant> it = sent.descendingIterator(); it.hasNext() && !it.next().isBefore(serverStart); ) {
            ours++;
        }
        int unseen = Math.max(0, serverUsed - ours);
        // Each answer's estimate of the window's end is late by up to the rounding, never early.
        Instant until = serverEnd.plus(RESET_ROUNDING);
        if (!othersUntil.isAfter(now)) {
            others = unseen;
            othersUntil = until;
        } else if (sameWindow(until)) {
            // Answers arrive out of order; within one window Klaviyo's count only grows. Both ends are upper bounds
            // of the same end, so the earlier one holds: taking the later would let answers that keep coming carry
            // a count past its window, into every window after it.
            others = Math.max(others, unseen);
            othersUntil = min(othersUntil, until);
        } else if (until.isAfter(othersUntil)) {
            others = unseen;
            othersUntil = until;
        }
        // An older window's answer arriving late says nothing about the current one.
    }

    /**
     * Whether an answer ending at {@code until} speaks of the window already held. Two answers about one window end
     * within the rounding and the margin of each other; two windows end a whole length apart, so for the one-second
     * burst window half its length is the most that can be told apart.
     */
    private boolean sameWindow(Instant until) {
        Duration tolerance = min(margin.plus(RESET_ROUNDING), length.dividedBy(2));
        return Duration.between(othersUntil, until).abs().compareTo(tolerance) <= 0;
    }

    private void expire(Instant now) {
        while (!sent.isEmpty() && !sent.peekFirst().plus(span()).isAfter(now)) {
            sent.removeFirst();
        }
    }

    private Duration span() {
        return length.plus(margin);
    }

    /** The n-th oldest of our requests, from 1. */
    private Instant nth(int n) {
        Iterator<Instant> it = sent.iterator();
        Instant at = it.next();
        for (int i = 1; i < n; i++) {
            at = it.next();
        }
        return at;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
