package dev.nsbridge.netsuite.governance;

import dev.nsbridge.spi.errors.AuthenticationException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps nsbridge from getting a NetSuite user locked out. NetSuite locks a user for 30 minutes after five
 * consecutive failed logins and then allows one more try, which locks again if it fails: time never lowers its
 * count, only a successful login does (article_0907011905). The guard counts the same way, per account and login
 * ({@link LoginIdentity}), in {@link LoginRecords} that every guard of the login shares (a file of the host, or the
 * state store that several servers share):
 *
 * <ul>
 *   <li>below {@value #STOP_AFTER} failures anything may try;</li>
 *   <li>from {@value #STOP_AFTER} on, runs wait 30 minutes after the last failure, then one of them may try;
 *       {@code nsbridge check} may try at once;</li>
 *   <li>at {@value #CHECK_BELOW} nothing tries, however long ago the last failure was, since a fifth failure would
 *       lock the user; only {@link #reset()} (after the user is known to log in again) clears it.</li>
 * </ul>
 *
 * <p>Until a login has been seen to work, an attempt is made only while holding {@link LoginRecords#holdAttempt()}:
 * processes of the host starting together with a wrong password take turns, each reading the count the one before
 * left, so together they never spend more tries than the count allows. Nothing is counted in advance, so a process
 * killed mid-attempt leaves no failure behind that would hold healthy runs back (the OS releases its lock).
 * Throttling, server errors and dropped connections say nothing about the credentials and never count.
 * Thread-safe.
 */
public final class LoginGuard {
    public static final int STOP_AFTER = 2;
    /** NetSuite locks the user at this many consecutive failures. */
    public static final int NETSUITE_LOCKS_AT = 5;
    /** {@code nsbridge check} may try while the count is below this, so even a failed check never makes a fifth. */
    public static final int CHECK_BELOW = NETSUITE_LOCKS_AT - 1;
    public static final Duration NETSUITE_LOCKOUT = Duration.ofMinutes(30);

    private final LoginIdentity identity;
    private final LoginRecords records;
    private final Clock clock;
    private LoginRecord record;
    private boolean loginProven;
    private boolean probeInFlight;

    /** A guard whose count is kept in a file under {@code directory}, shared by the processes of this host. */
    public LoginGuard(LoginIdentity identity, Path directory, Clock clock) {
        this(identity, new FileLoginRecords(identity, directory, clock), clock);
    }

    /** A guard that counts into {@code records}, which other guards of the same login may share. */
    public LoginGuard(LoginIdentity identity, LoginRecords records, Clock clock) {
        this.identity = identity;
        this.records = records;
        this.clock = clock;
        this.record = records.read();
    }

    /**
     * Asks to make one login attempt; waits while another attempt of this guard decides whether the credentials
     * work. Until a login worked here, the attempt is counted in the shared record before it is made.
     *
     * @param check true for {@code nsbridge check}, which may try while the count is below {@value #CHECK_BELOW}
     * @throws AuthenticationException {@code LOGIN_GUARD} at once, without touching the network, while tripped
     */
    public synchronized Attempt begin(boolean check) throws InterruptedException {
        while (true) {
            if (!loginProven) {
                record = records.read();
            }
            if (!mayTry(record, check)) {
                throw tripped();
            }
            if (loginProven) {
                return new Attempt(null);
            }
            if (!probeInFlight) {
                probeInFlight = true;
                AutoCloseable turn = null;
                try {
                    turn = records.holdAttempt();
                    record = records.read();
                    if (loginProven || !mayTry(record, check)) {
                        throw tripped();
                    }
                    return new Attempt(turn);
                } catch (InterruptedException | RuntimeException refused) {
                    probeInFlight = false;
                    release(turn);
                    notifyAll();
                    throw refused;
                }
            }
            wait();
        }
    }

    public synchronized LoginGuardState state() {
        if (!loginProven) {
            record = records.read();
        }
        boolean tripped = !mayTry(record, false);
        int failures = record.consecutiveFailures();
        return new LoginGuardState(failures, record.lastFailure(), tripped,
                tripped && failures < CHECK_BELOW ? Optional.of(retryAt(record)) : Optional.empty(),
                mayTry(record, true), Math.max(0, CHECK_BELOW - failures), records.where());
    }

    /**
     * Forgets the count, for {@code nsbridge check --reset-login-guard}: only for when NetSuite's own count is known
     * to be clear again (the user logged in, or an administrator unlocked the user), since the guard cannot see it.
     */
    public synchronized void reset() {
        record = records.change(current -> LoginRecord.CLEAR);
        notifyAll();
    }

    private boolean mayTry(LoginRecord current, boolean check) {
        int failures = current.consecutiveFailures();
        if (failures >= CHECK_BELOW) {
            return false;
        }
        return failures < STOP_AFTER || check || !clock.instant().isBefore(retryAt(current));
    }

    private Instant retryAt(LoginRecord current) {
        return current.lastFailure().orElse(clock.instant()).plus(NETSUITE_LOCKOUT);
    }

    private AuthenticationException tripped() {
        int failures = record.consecutiveFailures();
        String what = "nsbridge stopped calling NetSuite account " + identity.account() + " with these credentials"
                + " after " + failures + " consecutive failed logins, so that NetSuite does not lock the user out (it"
                + " locks at " + NETSUITE_LOCKS_AT + ")";
        String audit = "NetSuite shows why each login failed in Setup > Users/Roles > User Management > View Login"
                + " Audit Trail";
        if (failures >= CHECK_BELOW) {
            return new AuthenticationException("LOGIN_GUARD", what + "; no attempts are left, however long you wait,"
                    + " since one more failure would lock the user", "fix the credentials; once the user logs in to"
                    + " NetSuite successfully (or an administrator unlocks the user), clear the count with"
                    + " `nsbridge check --reset-login-guard` (kept in " + records.where() + "). " + audit);
        }
        int left = CHECK_BELOW - failures;
        return new AuthenticationException("LOGIN_GUARD", what + "; " + left + " attempt" + (left == 1 ? "" : "s")
                + " left", "fix the credentials, then run `nsbridge check`, which may try now; or wait until "
                + retryAt(record) + ", when one run may try again. " + audit);
    }

    private synchronized void settle(AutoCloseable turn, Boolean accepted) {
        try {
            if (accepted != null && accepted) {
                loginProven = true;
                if (turn != null || record.consecutiveFailures() != 0) {
                    record = records.change(current -> LoginRecord.CLEAR);
                }
            } else if (accepted != null) {
                loginProven = false;
                Instant now = clock.instant();
                record = records.change(current -> current.failed(now));
            }
        } finally {
            if (turn != null) {
                probeInFlight = false;
                release(turn);
            }
            notifyAll();
        }
    }

    private static void release(AutoCloseable turn) {
        if (turn == null) {
            return;
        }
        try {
            turn.close();
        } catch (Exception e) {
            throw new IllegalStateException("the login guard's attempt lock could not be released", e);
        }
    }

    /** One login attempt; report how NetSuite answered, then close. Closing unsettled means "no verdict". */
    public final class Attempt implements AutoCloseable {
        /** The held turn of an attempt made before any login worked here; null once one has. */
        private final AutoCloseable turn;
        private boolean settled;

        private Attempt(AutoCloseable turn) {
            this.turn = turn;
        }

        /** NetSuite accepted the credentials (any answer but 401, 429, 5xx). */
        public void accepted() {
            finish(true);
        }

        /** NetSuite refused the credentials (401, or the token endpoint said no). */
        public void refused() {
            finish(false);
        }

        @Override
        public void close() {
            finish(null);
        }

        private void finish(Boolean accepted) {
            if (!settled) {
                settled = true;
                settle(turn, accepted);
            }
        }
    }
}
