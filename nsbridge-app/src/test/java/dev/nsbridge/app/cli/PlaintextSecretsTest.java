package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.app.server.NsbridgeServer;
import dev.nsbridge.app.server.ServerOptions;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import dev.nsbridge.sandbox.netsuite.auth.LoginAttempt;
import dev.nsbridge.spi.errors.ConfigurationException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret written as plain text in nsbridge.yaml is refused before anything connects, by {@code check} and by
 * every command that loads the file, unless the person running it passes {@code --allow-plaintext}. The sandbox's
 * credentials are real ones to the loader: written plainly, they work once allowed.
 */
final class PlaintextSecretsTest {
    @TempDir
    Path folder;
    private NetSuiteSandbox sandbox;
    private Path config;

    @BeforeEach
    void writeTheTokenSecretInTheFile() throws Exception {
        sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.01));
        NetSuiteSandbox.Tba tba = sandbox.credentials().tba();
        config = Files.writeString(folder.resolve("nsbridge.yaml"), """
                connections:
                  netsuite:
                    type: netsuite
                    account: "%s"
                    base_url: "%s"
                    auth: tba
                    consumer_key: "%s"
                    consumer_secret: "%s"
                    token_id: "%s"
                    token_secret: %s
                  warehouse:
                    type: duckdb
                    path: warehouse.duckdb
                extracts:
                  customer:
                    connection: netsuite
                    table: customer
                    destination: warehouse
                """.formatted(sandbox.accountId(), sandbox.baseUrl(),
                EncryptedValue.of("connections.netsuite.consumer_key", tba.consumerKey()),
                EncryptedValue.of("connections.netsuite.consumer_secret", tba.consumerSecret()),
                EncryptedValue.of("connections.netsuite.token_id", tba.tokenId()), tba.tokenSecret()));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String refusal() throws Exception {
        List<String> lines = Files.readAllLines(config);
        int line = 1 + lines.indexOf(lines.stream().filter(text -> text.contains("token_secret:")).findFirst()
                .orElseThrow());
        return "line " + line + ": connections.netsuite.token_secret: is a secret written into the file as plain text";
    }

    private List<LoginAttempt> logins() {
        return sandbox.stats().loginAuditTrail();
    }

    @Test
    void shouldRefuseAPlaintextSecretAtCheckWithItsLineAndFixBeforeAnyLogin() throws Exception {
        Commands.Outcome check = Commands.run("check", "--config", config.toString());

        assertThat(check.code()).as(check.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(check.all()).contains(refusal())
                .contains("write token_secret: ${NETSUITE_TOKEN_SECRET} and set NETSUITE_TOKEN_SECRET")
                .contains("nsbridge secret encrypt connections.netsuite.token_secret")
                .contains("--allow-plaintext").doesNotContain("connection netsuite")
                .doesNotContain(sandbox.credentials().tba().tokenSecret());
        assertThat(logins()).isEmpty();
    }

    @Test
    void shouldRefuseAPlaintextSecretInEveryCommandThatLoadsTheFile() throws Exception {
        List<Commands.Outcome> outcomes = List.of(Commands.run("run", "--config", config.toString()),
                Commands.run("status", "--config", config.toString()),
                Commands.run("errors", "--config", config.toString()),
                Commands.run("errors", "show", "1", "--config", config.toString()),
                Commands.run("discover", "--config", config.toString()));

        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.code()).as(outcome.all()).isEqualTo(ExitCodes.USAGE);
            assertThat(outcome.all()).contains(refusal()).doesNotContain(sandbox.credentials().tba().tokenSecret());
        });
        assertThat(logins()).isEmpty();
        assertThat(folder.resolve("warehouse.duckdb")).doesNotExist();
    }

    @Test
    void shouldRefuseAPlaintextSecretBeforeServing() throws Exception {
        String refusal = refusal();

        assertThatThrownBy(() -> NsbridgeServer.start(config, ServerOptions.local(0), System::getenv,
                Clock.systemUTC(), new PrintStream(OutputStream.nullOutputStream())))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining(refusal)
                .hasMessageNotContaining(sandbox.credentials().tba().tokenSecret());
        assertThat(logins()).isEmpty();
    }

    @Test
    void shouldAcceptAPlaintextSecretWithAWarningWhenAllowed() throws Exception {
        Commands.Outcome check = Commands.run("check", "--allow-plaintext", "--config", config.toString());
        Commands.Outcome run = Commands.run("run", "--allow-plaintext", "--config", config.toString());
        Commands.Outcome errors = Commands.run("errors", "--allow-plaintext", "--config", config.toString());
        Commands.Outcome show = Commands.run("errors", "show", "1", "--allow-plaintext", "--config",
                config.toString());

        assertThat(check.code()).as(check.all()).isZero();
        assertThat(check.all()).contains("warning: nsbridge.yaml line").contains("connections.netsuite.token_secret:"
                + " is a secret written into the file").contains("accepted because of --allow-plaintext")
                .contains("connection netsuite (netsuite): passed");
        assertThat(run.code()).as(run.all()).isZero();
        assertThat(run.err()).contains("accepted because of --allow-plaintext");
        assertThat(errors.code()).as(errors.all()).isZero();
        assertThat(errors.out()).contains("no open record errors");
        assertThat(show.all()).as("the option reaches the subcommand").contains("accepted because of --allow-plaintext")
                .doesNotContain("written into the file as plain text");
        assertThat(check.all() + run.all()).doesNotContain(sandbox.credentials().tba().tokenSecret());
        assertThat(logins()).isNotEmpty().allMatch(LoginAttempt::accepted);
    }
}
