package dev.nsbridge.netsuite.governance;

import java.util.function.UnaryOperator;

/**
 * {@link LoginRecords} kept in two places at once, the host's file and the state store that several servers share:
 * a server counts with the other servers through the store, and with every other process of its host (a
 * {@code nsbridge check} of another configuration folder, which may use no shared store) through the file. Reads
 * take the higher count, and a change is made inside both locks, file first, so two guards never interleave.
 */
public final class PairedLoginRecords implements LoginRecords {
    private final LoginRecords host;
    private final LoginRecords shared;

    public PairedLoginRecords(LoginRecords host, LoginRecords shared) {
        this.host = host;
        this.shared = shared;
    }

    @Override
    public LoginRecord read() {
        return higher(host.read(), shared.read());
    }

    @Override
    public LoginRecord change(UnaryOperator<LoginRecord> change) {
        return host.change(onHost -> {
            LoginRecord[] changed = {null};
            shared.change(inStore -> {
                changed[0] = change.apply(higher(onHost, inStore));
                return changed[0];
            });
            return changed[0];
        });
    }

    /** The host's lock: the processes of this host take turns; servers on other hosts count through the store. */
    @Override
    public AutoCloseable holdAttempt() throws InterruptedException {
        return host.holdAttempt();
    }

    @Override
    public String where() {
        return host.where() + " and " + shared.where();
    }

    private static LoginRecord higher(LoginRecord one, LoginRecord other) {
        if (one.consecutiveFailures() != other.consecutiveFailures()) {
            return one.consecutiveFailures() > other.consecutiveFailures() ? one : other;
        }
        return one.lastFailure().orElse(java.time.Instant.MIN)
                .isAfter(other.lastFailure().orElse(java.time.Instant.MIN)) ? one : other;
    }
}
