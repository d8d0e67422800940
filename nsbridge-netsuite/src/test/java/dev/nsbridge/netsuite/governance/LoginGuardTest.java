package dev.nsbridge.netsuite.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.netsuite.NetSuiteAccountId;
import dev.nsbridge.spi.errors.AuthenticationException;
import dev.nsbridge.testsupport.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LoginGuardTest {
    private static final NetSuiteAccountId ACCOUNT = NetSuiteAccountId.parse("1234567_SB1");
    private static final LoginIdentity LOGIN = new LoginIdentity(ACCOUNT, "00112233445566778899aabbccddeeff");

    @TempDir
    Path state;
    private final ManualClock clock = new ManualClock(Instant.parse("2024-05-01T10:00:00Z"));

    private LoginGuard guard() {
        return new LoginGuard(LOGIN, state, clock);
    }

    private static void fail(LoginGuard guard) throws InterruptedException {
        try (LoginGuard.Attempt attempt = guard.begin(false)) {
            attempt.refused();
        }
    }

    @Test
    void shouldStopAfterTwoFailedLoginsBeforeNetSuiteLocksTheUser() throws Exception {
        LoginGuard guard = guard();
        fail(guard);
        fail(guard);

        assertThatThrownBy(() -> guard.begin(false)).isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.code()).isEqualTo("LOGIN_GUARD");
            assertThat(e.getMessage()).contains("after 2 consecutive failed logins");
            assertThat(e.getMessage()).contains("2 attempts left");
            assertThat(e.fix()).hasValueSatisfying(fix -> assertThat(fix)
                    .contains("fix the credentials", "nsbridge check", "wait until 2024-05-01T10:30:00Z"));
        });
        assertThat(guard.state().tripped()).isTrue();
    }

    @Test
    void shouldRememberFailuresAcrossARestart() throws Exception {
        fail(guard());
        LoginGuard afterFirstRestart = guard();
        fail(afterFirstRestart);

        LoginGuard afterSecondRestart = guard();

        assertThat(afterSecondRestart.state().consecutiveFailures()).isEqualTo(2);
        assertThatThrownBy(() -> afterSecondRestart.begin(false)).isInstanceOf(AuthenticationException.class);
        assertThat(state.resolve("netsuite-login-guard-1234567_SB1-00112233445566778899aabbccddeeff.json"))
                .isRegularFile();
    }

    @Test
    void shouldCountTheFailuresOfEveryGuardOfTheAccountTogether() throws Exception {
        LoginGuard scheduledRun = guard();   // two pipelines of one server, or a server and a terminal
        LoginGuard otherPipeline = guard();

        fail(scheduledRun);
        fail(otherPipeline);

        assertThatThrownBy(() -> scheduledRun.begin(false)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("after 2 consecutive failed logins");
        assertThatThrownBy(() -> otherPipeline.begin(false)).isInstanceOf(AuthenticationException.class);
        assertThat(guard().state().consecutiveFailures()).isEqualTo(2);
    }

    @Test
    void shouldLetCheckTryWhileBelowFourSoItNeverCausesAFifth() throws Exception {
        LoginGuard guard = guard();
        fail(guard);
        fail(guard);

        try (LoginGuard.Attempt attempt = guard.begin(true)) {
            attempt.refused();
        }
        try (LoginGuard.Attempt attempt = guard.begin(true)) {
            attempt.refused();
        }

        assertThat(guard.state().consecutiveFailures()).isEqualTo(4);
        assertThat(guard.state().checkMayTry()).isFalse();
        assertThatThrownBy(() -> guard.begin(true)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void shouldAllowOneAttemptThirtyMinutesAfterTheLastFailure() throws Exception {
        LoginGuard guard = guard();
        fail(guard);
        fail(guard);
        clock.advance(Duration.ofMinutes(29));
        assertThatThrownBy(() -> guard.begin(false)).isInstanceOf(AuthenticationException.class);

        clock.advance(Duration.ofMinutes(1));
        fail(guard);

        assertThatThrownBy(() -> guard.begin(false)).isInstanceOf(AuthenticationException.class);
        assertThat(guard.state().nextAttemptAt()).contains(clock.instant().plus(Duration.ofMinutes(30)));
    }

    @Test
    void shouldNeverAllowAFifthFailureAfterTwoRunsAndTwoChecksHoweverLongTheWait() throws Exception {
        LoginGuard guard = guard();
        fail(guard);
        fail(guard);
        for (int i = 0; i < 2; i++) {
            try (LoginGuard.Attempt attempt = guard.begin(true)) {
                attempt.refused();
            }
        }

        // NetSuite's count does not fall with time: after its 30 minutes a fifth failure would lock the user.
        for (Duration wait : new Duration[] {Duration.ofMinutes(31), Duration.ofHours(2), Duration.ofDays(3)}) {
            clock.advance(wait);
            assertThatThrownBy(() -> guard.begin(false)).isInstanceOf(AuthenticationException.class);
            assertThatThrownBy(() -> guard().begin(true)).isInstanceOfSatisfying(AuthenticationException.class, e -> {
                assertThat(e.getMessage()).contains("after 4 consecutive failed logins", "no attempts are left");
                assertThat(e.fix()).hasValueSatisfying(fix -> assertThat(fix)
                        .contains("nsbridge check --reset-login-guard", state.toString()));
            });
        }
        assertThat(guard.state().consecutiveFailures()).isEqualTo(4);
        assertThat(guard.state().attemptsLeft()).isZero();
        assertThat(guard.state().nextAttemptAt()).isEmpty();
    }

    @Test
    void shouldLetRunsTryOnceEveryThirtyMinutesOnlyUntilFourFailures() throws Exception {
        LoginGuard guard = guard();
        fail(guard);
        fail(guard);
        clock.advance(LoginGuard.NETSUITE_LOCKOUT);
        fail(guard);
        clock.advance(LoginGuard.NETSUITE_LOCKOUT);
        fail(guard);

        clock.advance(LoginGuard.NETSUITE_LOCKOUT);

        assertThatThrownBy(() -> guard.begin(false)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("after 4 consecutive failed logins");
        assertThat(guard.state().consecutiveFailures()).isEqualTo(4);
    }

    @Test
    void shouldTryAgainAfterAResetAndClearTheCountOnSuccess() throws Exception {
        LoginGuard guard = guard();
        for (int i = 0; i < 4; i++) {
            try (LoginGuard.Attempt attempt = guard.begin(true)) {
                attempt.refused();
            }
        }

        guard().reset();
        try (LoginGuard.Attempt attempt = guard.begin(false)) {
            attempt.accepted();
        }

        assertThat(guard().state().consecutiveFailures()).isZero();
    }

    @Test
    void shouldMakeAnotherProcessWaitForAnAttemptInFlightAndHeedItsVerdict() throws Exception {
        LoginGuard guard = guard();
        fail(guard);
        CountDownLatch secondDone = new CountDownLatch(1);
        AtomicBoolean secondRefused = new AtomicBoolean();

        try (LoginGuard.Attempt attempt = guard.begin(false)) {
            // Another process (a guard of its own over the same directory) asks while this attempt is out.
            Thread second = new Thread(() -> {
                try {
                    guard().begin(false).close();
                } catch (AuthenticationException refused) {
                    secondRefused.set(true);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                } finally {
                    secondDone.countDown();
                }
            });
            second.start();
            assertThat(secondDone.await(300, TimeUnit.MILLISECONDS)).as("waits for the attempt out").isFalse();
            attempt.refused();
        }

        assertThat(secondDone.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(secondRefused).as("the second failure stops runs, so the waiting one never tries").isTrue();
        assertThat(guard().state().consecutiveFailures()).isEqualTo(LoginGuard.STOP_AFTER);
    }

    @Test
    void shouldResetOnSuccessAndForgetItAfterRestart() throws Exception {
        LoginGuard guard = guard();
        fail(guard);
        try (LoginGuard.Attempt attempt = guard.begin(false)) {
            attempt.accepted();
        }
        fail(guard);

        assertThat(guard().state().consecutiveFailures()).isEqualTo(1);
        assertThat(guard().state().tripped()).isFalse();
    }

    @Test
    void shouldNotCountAnAttemptThatGotNoVerdict() throws Exception {
        LoginGuard guard = guard();
        for (int i = 0; i < 5; i++) {
            guard.begin(false).close();
        }

        assertThat(guard.state().consecutiveFailures()).isZero();
    }

    @Test
    void shouldLetOnlyOneRequestTryUntilALoginIsProven() throws Exception {
        LoginGuard guard = guard();
        LoginGuard.Attempt first = guard.begin(false);
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean secondGotThrough = new AtomicBoolean();
        Thread second = new Thread(() -> {
            started.countDown();
            try (LoginGuard.Attempt attempt = guard.begin(false)) {
                secondGotThrough.set(true);
                attempt.accepted();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        second.start();
        started.await();
        Thread.sleep(100);
        assertThat(secondGotThrough).isFalse();

        first.accepted();
        first.close();
        second.join(TimeUnit.SECONDS.toMillis(5));

        assertThat(secondGotThrough).isTrue();
    }

    @Test
    void shouldRefuseWaitingRequestsOnceTheProbesFailureTripsTheGuard() throws Exception {
        LoginGuard guard = guard();
        fail(guard);
        LoginGuard.Attempt probe = guard.begin(false);
        AtomicBoolean refused = new AtomicBoolean();
        Thread waiting = new Thread(() -> {
            try {
                guard.begin(false).close();
            } catch (AuthenticationException e) {
                refused.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiting.start();
        Thread.sleep(50);

        probe.refused();
        probe.close();
        waiting.join(5000);

        assertThat(refused).isTrue();
    }
}
