package dev.nsbridge.app.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.engine.store.ProcessIdentity;
import dev.nsbridge.engine.store.SqlStores;
import dev.nsbridge.netsuite.NetSuiteAccountId;
import dev.nsbridge.netsuite.governance.LoginGuard;
import dev.nsbridge.netsuite.governance.LoginIdentity;
import dev.nsbridge.netsuite.governance.StoredLoginRecords;
import dev.nsbridge.spi.errors.AuthenticationException;
import dev.nsbridge.testsupport.PostgresServer;
import dev.nsbridge.testsupport.PostgresServers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Servers on several hosts sharing a PostgreSQL state store count NetSuite login failures together: three of them
 * with a wrong password stop after two failures in all, well before NetSuite's fifth locks the user.
 */
@ExtendWith(PostgresServers.class)
final class StoredLoginRecordsIT {
    private static final NetSuiteAccountId ACCOUNT = NetSuiteAccountId.parse("1234567_SB1");
    private static final LoginIdentity LOGIN = new LoginIdentity(ACCOUNT, "00112233445566778899aabbccddeeff");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void shouldStopEveryServerAfterTwoFailuresInAll(PostgresServer postgres) throws Exception {
        String url = postgres.createDatabase();
        try (SqlStores east = open(url, "east"); SqlStores west = open(url, "west");
             SqlStores north = open(url, "north")) {
            LoginGuard eastGuard = new LoginGuard(LOGIN, new StoredLoginRecords(east.state(), LOGIN), CLOCK);
            LoginGuard westGuard = new LoginGuard(LOGIN, new StoredLoginRecords(west.state(), LOGIN), CLOCK);
            LoginGuard northGuard = new LoginGuard(LOGIN, new StoredLoginRecords(north.state(), LOGIN), CLOCK);

            refuse(eastGuard);
            refuse(westGuard);

            assertThatThrownBy(() -> northGuard.begin(false)).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("after 2 consecutive failed logins");
            assertThatThrownBy(() -> eastGuard.begin(false)).isInstanceOf(AuthenticationException.class);
            assertThat(westGuard.state().consecutiveFailures()).isEqualTo(2);

            // Fixed, and `nsbridge check` on one server proves it: every server may call NetSuite again.
            try (LoginGuard.Attempt check = northGuard.begin(true)) {
                check.accepted();
            }
            assertThat(eastGuard.state().tripped()).isFalse();
            try (LoginGuard.Attempt attempt = westGuard.begin(false)) {
                attempt.accepted();
            }
        }
    }

    private static SqlStores open(String url, String host) {
        return SqlStores.openPostgres(url, PostgresServer.USER, PostgresServer.PASSWORD, "nsbridge", CLOCK,
                new ProcessIdentity(host, 1));
    }

    private static void refuse(LoginGuard guard) throws InterruptedException {
        try (LoginGuard.Attempt attempt = guard.begin(false)) {
            attempt.refused();
        }
    }
}
