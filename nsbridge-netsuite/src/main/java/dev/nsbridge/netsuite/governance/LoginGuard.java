package dev.nsbridge.netsuite.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.netsuite.NetSuiteAccountId;
import dev.nsbridge.spi.errors.AuthenticationException;
import dev.nsbridge.spi.errors.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps nsbridge from getting a NetSuite user locked out. NetSuite locks a user for 30 minutes after five
 * consecutive failed logins, and the reason is visible only in its login audit trail; so after {@value #STOP_AFTER}
 * consecutive failures nsbridge stops calling the account, and remembers that across restarts in a small file.
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
    private final Path file;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private int failures;
    private Instant lastFailure;
    private boolean loginProven;
    private boolean probeInFlight;

    public LoginGuard(NetSuiteAccountId account, Path stateDirectory, Clock clock) {
        this.account = account;
        this.file = stateDirectory.resolve("netsuite-login-guard-" + account.value() + ".json");
        this.clock = clock;
        load();
    }

    /**
     * Asks to make one login attempt; waits while another attempt decides whether the credentials work.
     *
     * @param check true for {@code nsbridge check}, which may try once more while the guard holds
     * @throws AuthenticationException {@code LOGIN_GUARD} at once, without touching the network, while tripped
     */
    public synchronized Attempt begin(boolean check) throws InterruptedException {
        while (true) {
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
        boolean tripped = !mayTry(false);
        return new LoginGuardState(failures, Optional.ofNullable(lastFailure), tripped,
                tripped ? Optional.of(lastFailure.plus(NETSUITE_LOCKOUT)) : Optional.empty(), mayTry(true));
    }

    private boolean mayTry(boolean check) {
        return failures < STOP_AFTER
                || (check && failures < CHECK_BELOW)
                || !clock.instant().isBefore(lastFailure.plus(NETSUITE_LOCKOUT));
    }

    private AuthenticationException tripped() {
        Instant retryAt = lastFailure.plus(NETSUITE_LOCKOUT);
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
            if (failures != 0) {
                failures = 0;
                lastFailure = null;
                save();
            }
        } else if (accepted != null) {
            loginProven = false;
            failures++;
            lastFailure = clock.instant();
            save();
        }
        notifyAll();
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            JsonNode root = json.readTree(Files.readString(file, StandardCharsets.UTF_8));
            failures = root.path("consecutiveFailures").asInt(0);
            lastFailure = root.hasNonNull("lastFailure") ? Instant.parse(root.get("lastFailure").asText()) : null;
            if (failures > 0 && lastFailure == null) {
                lastFailure = clock.instant();
            }
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException("LOGIN_GUARD_STATE", "the login guard's file " + file
                    + " cannot be read", "delete it once the credentials are known to work", e);
        }
    }

    // Written to a temporary file and moved into place, so a crash never leaves half a file behind.
    private void save() {
        ObjectNode root = json.createObjectNode();
        root.put("account", account.value());
        root.put("consecutiveFailures", failures);
        root.put("lastFailure", lastFailure == null ? null : lastFailure.toString());
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(temporary, json.writerWithDefaultPrettyPrinter().writeValueAsString(root),
                    StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ConfigurationException("LOGIN_GUARD_STATE", "the login guard cannot write " + file,
                    "make the state directory writable", e);
        }
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
