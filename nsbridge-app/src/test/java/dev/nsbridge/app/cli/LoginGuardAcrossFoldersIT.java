package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.app.Workspace;
import dev.nsbridge.app.connect.LoginGuardDirectory;
import dev.nsbridge.engine.secret.SecretKeys;
import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.check.NetSuiteCheck;
import dev.nsbridge.netsuite.governance.LoginGuard;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import dev.nsbridge.spi.errors.AuthenticationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same wrong token secret written into several configuration folders of one host: the local NetSuite, which
 * locks its user at the fifth consecutive failure as NetSuite does, must never see a fifth, however the folders,
 * runs, checks and waits mix. Each test has its own sandbox, whose token id no other test's shares.
 */
final class LoginGuardAcrossFoldersIT {
    private static final String WRONG_SECRET = "0".repeat(64);

    @TempDir
    Path host;
    private NetSuiteSandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.01));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Path folder(String name, String tokenSecret) throws Exception {
        Path folder = Files.createDirectories(host.resolve(name));
        return Files.writeString(folder.resolve("nsbridge.yaml"), "connections:\n"
                + SandboxConfig.netSuite(sandbox, sandbox.accountId(), tokenSecret));
    }

    /**
     * Every folder of the host sees the same environment, hence the same guard directory; and the key that opens
     * the encrypted credentials.
     */
    private Workspace open(Path config) {
        return Workspace.open(config, Map.of(LoginGuardDirectory.VARIABLE, host.resolve("state").toString(),
                SecretKeys.KEY_FILE_VARIABLE, System.getenv(SecretKeys.KEY_FILE_VARIABLE))::get, sandbox.clock());
    }

    private boolean noLockout() {
        return sandbox.stats().loginAuditTrail().stream().noneMatch(attempt -> attempt.reason().contains("locked"));
    }

    @Test
    void shouldNeverLetThreeFoldersWithTheSameWrongSecretReachNetSuitesFifthFailure() throws Exception {
        List<Workspace> folders = new ArrayList<>();
        for (String name : List.of("finance", "marketing", "ops")) {
            folders.add(open(folder(name, WRONG_SECRET)));
        }

        for (Workspace folder : folders) {
            for (int run = 0; run < 3; run++) {
                assertThatThrownBy(() -> folder.client("netsuite", NetSuiteClient.class).suiteQl())
                        .isInstanceOf(AuthenticationException.class);
            }
            for (int check = 0; check < 3; check++) {
                new NetSuiteCheck(folder.client("netsuite", NetSuiteClient.class)).run();
            }
        }

        assertThat(sandbox.stats().failedLogins()).isEqualTo(LoginGuard.CHECK_BELOW);
        assertThat(noLockout()).isTrue();
    }

    @Test
    void shouldStillRefuseTheFifthAttemptThirtyMinutesAfterTwoRunsAndTwoChecks() throws Exception {
        Workspace first = open(folder("first", WRONG_SECRET));
        Workspace second = open(folder("second", WRONG_SECRET));
        assertThatThrownBy(() -> first.client("netsuite", NetSuiteClient.class).suiteQl())
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> second.client("netsuite", NetSuiteClient.class).suiteQl())
                .isInstanceOf(AuthenticationException.class);
        new NetSuiteCheck(first.client("netsuite", NetSuiteClient.class)).run();
        new NetSuiteCheck(second.client("netsuite", NetSuiteClient.class)).run();
        assertThat(sandbox.stats().failedLogins()).isEqualTo(4);

        for (Duration wait : List.of(Duration.ofMinutes(31), Duration.ofMinutes(31), Duration.ofHours(5))) {
            sandbox.clock().advance(wait);
            for (Workspace folder : List.of(first, second)) {
                assertThatThrownBy(() -> folder.client("netsuite", NetSuiteClient.class).suiteQl())
                        .isInstanceOf(AuthenticationException.class).hasMessageContaining("no attempts are left");
                new NetSuiteCheck(folder.client("netsuite", NetSuiteClient.class)).run();
            }
        }

        assertThat(sandbox.stats().failedLogins()).isEqualTo(4);
        assertThat(noLockout()).isTrue();
    }

    @Test
    void shouldLetCheckSpendAnAttemptOnlyWhileTheCountAllowsAndSayHowManyAreLeft() throws Exception {
        List<Path> configs = List.of(folder("a", WRONG_SECRET), folder("b", WRONG_SECRET), folder("c", WRONG_SECRET));
        // The check command reads the real environment, where the build points at its own guard directory.
        List<Commands.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            outcomes.add(Commands.run("check", "--config", configs.get(i % 3).toString()));
        }

        assertThat(sandbox.stats().failedLogins()).isEqualTo(4);
        assertThat(outcomes.get(2).all()).contains("after 3 consecutive failed logins", "1 attempt left");
        assertThat(outcomes.get(4).all()).contains("after 4 consecutive failed logins", "no attempts left",
                "nsbridge check --reset-login-guard");
        assertThat(outcomes.get(4).code()).isEqualTo(ExitCodes.FAILED);
        assertThat(noLockout()).isTrue();

        Path fixed = folder("a", sandbox.credentials().tba().tokenSecret());
        Commands.Outcome reset = Commands.run("check", "--config", fixed.toString(), "--reset-login-guard");

        assertThat(reset.code()).as(reset.all()).isZero();
        assertThat(Commands.run("check", "--config", configs.get(1).toString()).all())
                .contains("1 consecutive failed login");
    }
}
