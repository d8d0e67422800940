package dev.nsbridge.netsuite.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.governance.LoginGuard;
import dev.nsbridge.netsuite.testing.SandboxClients;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox.Options;
import dev.nsbridge.spi.errors.AuthenticationException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nsbridge check} against the sandbox, where it matters most: when something is wrong. Each test has its own
 * sandbox, because the sandbox counts failed logins towards its lockout as NetSuite does.
 */
final class NetSuiteCheckIT {
    private static final String WRONG_SECRET = "not-the-token-secret";

    @TempDir
    Path state;
    private NetSuiteSandbox sandbox;
    private SandboxClients clients;

    @BeforeEach
    void start() {
        sandbox = NetSuiteSandbox.start(Options.defaults().withScale(0.01));
        clients = new SandboxClients(sandbox, state);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static CheckStep step(CheckReport report, String name) {
        return report.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void shouldPassWithTheSandboxesOwnTbaCredentials() {
        CheckReport report = new NetSuiteCheck(clients.tba()).run();

        assertThat(report.passed()).as(report.toText()).isTrue();
        assertThat(report.steps()).extracting(CheckStep::status).containsOnly(CheckStep.Status.PASSED);
        assertThat(step(report, NetSuiteCheck.CREDENTIALS).detail()).contains("tba");
    }

    @Test
    void shouldFailOnAWrongTokenSecretNamingWhereTbaIsEnabledAndTokensAreMade() {
        CheckReport report = new NetSuiteCheck(clients.tba(WRONG_SECRET)).run();

        assertThat(report.passed()).isFalse();
        CheckStep credentials = step(report, NetSuiteCheck.CREDENTIALS);
        assertThat(credentials.status()).isEqualTo(CheckStep.Status.FAILED);
        assertThat(credentials.detail()).contains("401", "Invalid login attempt");
        assertThat(credentials.fix()).hasValueSatisfying(fix -> assertThat(fix).contains(
                "Setup > Company > Enable Features > SuiteCloud > Manage Authentication",
                "Setup > Users/Roles > Access Tokens", "View Login Audit Trail"));
        for (String skipped : new String[] {NetSuiteCheck.SUITEQL, NetSuiteCheck.GOVERNANCE, NetSuiteCheck.BUDGET}) {
            assertThat(step(report, skipped).status()).isEqualTo(CheckStep.Status.SKIPPED);
        }
        CheckStep guard = step(report, NetSuiteCheck.GUARD);
        assertThat(guard.status()).isEqualTo(CheckStep.Status.WARNED);
        assertThat(guard.detail()).contains("1 consecutive failed login");
        // A check spends one login, whatever it finds.
        assertThat(sandbox.stats().failedLogins()).isEqualTo(1);
        assertThat(report.toJson()).contains("\"passed\":false", "\"status\":\"failed\"", "Access Tokens");
    }

    @Test
    void shouldWarnWhenTheRoleCannotReadGovernanceLimitsAndBudgetFromTheConfiguration() {
        sandbox.knobs().governanceReadable(false);

        CheckReport report = new NetSuiteCheck(clients.tba()).run();

        assertThat(report.passed()).as(report.toText()).isTrue();
        CheckStep governance = step(report, NetSuiteCheck.GOVERNANCE);
        assertThat(governance.status()).isEqualTo(CheckStep.Status.WARNED);
        assertThat(governance.detail()).contains("403");
        assertThat(governance.fix()).hasValueSatisfying(fix -> assertThat(fix).contains(
                "configured concurrency (5)", "Integration Governance"));
        CheckStep budget = step(report, NetSuiteCheck.BUDGET);
        assertThat(budget.status()).isEqualTo(CheckStep.Status.PASSED);
        assertThat(budget.detail()).contains("4 requests at once", "configured concurrency");
        assertThat(step(report, NetSuiteCheck.SUITEQL).status()).isEqualTo(CheckStep.Status.PASSED);
    }

    @Test
    void shouldTakeItsAttemptsWhileTheGuardHoldsBelowFourAndSaySo() {
        NetSuiteClient wrong = clients.tba(WRONG_SECRET);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(wrong::suiteQl).isInstanceOf(AuthenticationException.class);
        }
        assertThat(sandbox.stats().failedLogins()).isEqualTo(LoginGuard.STOP_AFTER);

        CheckReport third = new NetSuiteCheck(clients.tba(WRONG_SECRET)).run();

        assertThat(sandbox.stats().failedLogins()).isEqualTo(3);
        assertThat(step(third, NetSuiteCheck.CREDENTIALS).detail()).contains("Invalid login attempt");
        CheckStep guard = step(third, NetSuiteCheck.GUARD);
        assertThat(guard.status()).isEqualTo(CheckStep.Status.FAILED);
        assertThat(guard.detail()).contains("after 3 consecutive failed logins",
                "this check made one of the attempts it allows below 4", "1 attempt left",
                "`nsbridge check` may try once");

        CheckReport fourth = new NetSuiteCheck(clients.tba(WRONG_SECRET)).run();

        assertThat(sandbox.stats().failedLogins()).isEqualTo(4);
        CheckStep stopped = step(fourth, NetSuiteCheck.GUARD);
        assertThat(stopped.detail()).contains("after 4 consecutive failed logins", "no attempts left",
                "not even `nsbridge check` tries");
        assertThat(stopped.fix()).hasValueSatisfying(fix -> assertThat(fix).contains(
                "`nsbridge check --reset-login-guard`", state.toString()));

        CheckReport fifth = new NetSuiteCheck(clients.tba()).run();

        // Not even the right credentials are tried now: a fifth failure would lock the user.
        assertThat(sandbox.stats().failedLogins()).isEqualTo(4);
        assertThat(fifth.passed()).isFalse();
        CheckStep credentials = step(fifth, NetSuiteCheck.CREDENTIALS);
        assertThat(credentials.detail()).contains("stopped calling", "after 4 consecutive failed logins");
        assertThat(credentials.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("--reset-login-guard"));
        assertThat(sandbox.stats().loginAuditTrail()).noneMatch(attempt -> attempt.reason().contains("locked"));

        // NetSuite's count does not fall with time, so neither does the guard's: no try 30 minutes later either.
        sandbox.clock().advance(LoginGuard.NETSUITE_LOCKOUT.plus(Duration.ofMinutes(1)));
        assertThat(new NetSuiteCheck(clients.tba(WRONG_SECRET)).run().passed()).isFalse();
        assertThatThrownBy(() -> clients.tba(WRONG_SECRET).suiteQl()).isInstanceOf(AuthenticationException.class);
        assertThat(sandbox.stats().failedLogins()).isEqualTo(4);

        // With the credentials fixed the user clears the guard's count; the right login then clears NetSuite's.
        clients.tba().loginGuard().reset();
        CheckReport later = new NetSuiteCheck(clients.tba()).run();

        assertThat(later.passed()).as(later.toText()).isTrue();
        assertThat(clients.tba().loginGuard().state().consecutiveFailures()).isZero();
    }

    @Test
    void shouldPassWithOAuth2AndTheRsaCertificateSigningPs256() {
        CheckReport report = new NetSuiteCheck(clients.oauth2("RSA")).run();

        assertThat(report.passed()).as(report.toText()).isTrue();
        assertThat(step(report, NetSuiteCheck.CREDENTIALS).detail()).contains("oauth2");
        assertThat(sandbox.stats().loginAuditTrail()).anySatisfy(attempt -> {
            assertThat(attempt.method()).isEqualTo("OAUTH2_TOKEN");
            assertThat(attempt.accepted()).isTrue();
        });
    }

    @Test
    void shouldPassWithOAuth2AndTheEcCertificateSigningEs256() {
        CheckReport report = new NetSuiteCheck(clients.oauth2("EC")).run();

        assertThat(report.passed()).as(report.toText()).isTrue();
        assertThat(step(report, NetSuiteCheck.SUITEQL).status()).isEqualTo(CheckStep.Status.PASSED);
    }

    @Test
    void shouldFailOnAnUnmappedCertificateIdWithTheM2mFix() {
        NetSuiteClient client = clients.client(clients.oauth2Auth("not-a-mapped-certificate",
                clients.certificate("RSA").privateKeyPem()));

        CheckReport report = new NetSuiteCheck(client).run();

        assertThat(report.passed()).isFalse();
        CheckStep credentials = step(report, NetSuiteCheck.CREDENTIALS);
        assertThat(credentials.status()).isEqualTo(CheckStep.Status.FAILED);
        // The token endpoint's OAuth 2.0 answer: an unmapped certificate does not authenticate the client.
        assertThat(credentials.detail()).contains("HTTP 401 invalid_client");
        assertThat(credentials.fix()).hasValueSatisfying(fix -> assertThat(fix).contains(
                "OAuth 2.0 Client Credentials (M2M) Setup", "Manage Authentication"));
        assertThat(step(report, NetSuiteCheck.GUARD).detail()).contains("1 consecutive failed login");
        assertThat(sandbox.stats().loginAuditTrail()).anySatisfy(attempt -> {
            assertThat(attempt.method()).isEqualTo("OAUTH2_TOKEN");
            assertThat(attempt.accepted()).isFalse();
        });
    }
}
