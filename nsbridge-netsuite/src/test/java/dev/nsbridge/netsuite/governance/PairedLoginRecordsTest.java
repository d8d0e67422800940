package dev.nsbridge.netsuite.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.netsuite.NetSuiteAccountId;
import dev.nsbridge.spi.errors.AuthenticationException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server of a shared store counts in the store and in its host's file: a terminal on the same host whose config
 * has no shared store, and a server on another host, both hold it back, and its failures hold both back.
 */
final class PairedLoginRecordsTest {
    private static final LoginIdentity LOGIN = new LoginIdentity(NetSuiteAccountId.parse("1234567_SB1"),
            "00112233445566778899aabbccddeeff");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path host;
    @TempDir
    Path store;   // another file stands in for the shared store: what matters is that it is a second record

    private LoginGuard server() {
        return new LoginGuard(LOGIN, new PairedLoginRecords(new FileLoginRecords(LOGIN, host, CLOCK),
                new FileLoginRecords(LOGIN, store, CLOCK)), CLOCK);
    }

    private static void fail(LoginGuard guard, boolean check) throws InterruptedException {
        try (LoginGuard.Attempt attempt = guard.begin(check)) {
            attempt.refused();
        }
    }

    @Test
    void shouldCountWithTheHostsOtherProcessesAndWithTheOtherServers() throws Exception {
        LoginGuard terminal = new LoginGuard(LOGIN, host, CLOCK);
        LoginGuard otherServer = new LoginGuard(LOGIN, store, CLOCK);

        fail(terminal, true);
        fail(server(), false);

        // The server counted on top of the terminal's failure, into the store the other server reads.
        assertThat(otherServer.state().consecutiveFailures()).isEqualTo(2);
        assertThatThrownBy(() -> otherServer.begin(false)).isInstanceOf(AuthenticationException.class);
        fail(otherServer, true);
        fail(server(), true);

        assertThat(terminal.state().consecutiveFailures()).isEqualTo(4);
        assertThatThrownBy(() -> terminal.begin(true)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> server().begin(true)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void shouldClearBothWhenALoginWorks() throws Exception {
        fail(server(), false);
        fail(server(), false);

        try (LoginGuard.Attempt attempt = server().begin(true)) {
            attempt.accepted();
        }

        assertThat(new LoginGuard(LOGIN, host, CLOCK).state().consecutiveFailures()).isZero();
        assertThat(new LoginGuard(LOGIN, store, CLOCK).state().consecutiveFailures()).isZero();
    }
}
