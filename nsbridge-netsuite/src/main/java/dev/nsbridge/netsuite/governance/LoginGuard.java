package dev.nsbridge.netsuite.governance;

import dev.nsbridge.netsuite.NetSuiteAccountId;
import dev.nsbridge.spi.errors.AuthenticationException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps nsbridge from getting a NetSuite user locked out. NetSuite locks a user for 30 minutes after five
 * consecutive failed logins, and the reason is visible only in its login audit trail; so after {@value #STOP_AFTER}
 * consecutive failures nsbridge stops calling the account, and remembers that across restarts in its
 * {@link LoginRecords}: a small file per host, or the state store that several servers share.
 *
 * <p>Until a login has been seen to work, only one request at a time may try: otherwise several readers starting
 * together with a wrong password would spend all five tries at once. Throttling, server errors and dropped
 * connections say nothing about the credentials and never count. Thread-safe.
 */
public final class LoginGuard {
    public static final int STOP_AFTER = 2;
    /** {@code nsbridge check} may try while the count is below this, so even a failed check never makes a fifth. */
    public static final int CHECK_BELOW = 4;
    public static final Duration NETSUITE_LOCKOUT = Duration.ofMinutes(30);

    private final NetSuiteAccountId account;
    private final LoginRecords records;
    private final Clock clock;
    private LoginRecord record;
    private boolean loginProven;
    private boolean probeInFlight;

    /** A guard whose count is kept in a file under {@code stateDirectory}, shared by the processes of this host. */
    public LoginGuard(NetSuiteAccountId account, Path stateDirectory, Clock clock) {
        this(account, new FileLoginRecords(account, stateDirectory, clock), clock);
    }

    /** A guard that counts into {@code records}, which other guards of the account may share. */
    public LoginGuard(NetSuiteAccountId account, LoginRecords records, Clock clock) {
        this.account = account;
        this.records = records;
        this.clock = clock;
        this.record = records.read();
    }

    /**
     * Asks to make one login attempt; waits while another attempt decides whether the credentials work. Until a
     * login worked here, the shared record is read afresh, so failures counted by other guards hold this one too.
     *
     * @param check true for {@code nsbridge check}, which may try once more while the guard holds
     * @throws AuthenticationException {@code LOGIN_GUARD} at once, without touching the network, while tripped
     */
    public synchronized Attempt begin(boolean check) throws InterruptedException {
        while (true) {
            if (!loginProven) {
                record = records.read();
            }
            if (!mayTry(check)) {
                throw tripped();
            }
            if (loginProven) {
                return new Attempt(false);
            }
            if (!probeInFlight) {
                probeInFlight = true;
                return new Attempt(true);
            }
            wait();
        }
    }

    public synchronized LoginGuardState state() {
        if (!loginProven) {
            record = records.read();
        }
        boolean tripped = !mayTry(false);
        return new LoginGuardState(record.consecutiveFailures(), record.lastFailure(), tripped,
                tripped ? Optional.of(retryAt()) : Optional.empty(), mayTry(true));
    }

    private boolean mayTry(boolean check) {
        int failures = record.consecutiveFailures();
        return failures < STOP_AFTER
                || (check && failures < CHECK_BELOW)
                || !clock.instant().isBefore(retryAt());
    }

    private Instant retryAt() {
        return record.lastFailure().orElse(clock.instant()).plus(NETSUITE_LOCKOUT);
    }

    private AuthenticationException tripped() {
        Instant retryAt = retryAt();
        int failures = record.consecutiveFailures();
        // From CHECK_BELOW failures on even `nsbridge check` waits, so sending the user to it would not help.
        String next = failures < CHECK_BELOW ? "fix the credentials, then run `nsbridge check`; or wait 30 minutes"
                + " (until " + retryAt + ") for one more attempt. "
                : "fix the credentials, then wait until " + retryAt + ", when one attempt is allowed again (not even"
                + " `nsbridge check` tries before, since one more failure would lock the user). ";
        return new AuthenticationException("LOGIN_GUARD", "nsbridge stopped calling NetSuite account " + account
                + " after " + failures + " consecutive failed logins, so that NetSuite does not lock the user out"
                + " (it locks after 5 for 30 minutes)", next + "NetSuite shows why each login failed in Setup >"
                + " Users/Roles > User Management > View Login Audit Trail");
    }

    private synchronized void settle(boolean probe, Boolean accepted) {
        if (probe) {
            probeInFlight = false;
        }
        if (accepted != null && accepted) {
            loginProven = true;
            if (record.consecutiveFailures() != 0) {
                record = records.change(current -> LoginRecord.CLEAR);
            }
        } else if (accepted != null) {
            loginProven = false;
            Instant now = clock.instant();
            record = records.change(current -> current.failed(now));
        }
        notifyAll();
    }

    /** One login attempt; report how NetSuite answered, then close. Closing unsettled means "no verdict". */
    public final class Attempt implements AutoCloseable {
        private final boolean probe;
        private boolean settled;

        private Attempt(boolean probe) {
            this.probe = probe;
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
                settle(probe, accepted);
            }
        }
    }
}
