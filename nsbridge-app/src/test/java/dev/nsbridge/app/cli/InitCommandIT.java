package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.app.Workspace;
import dev.nsbridge.engine.config.ConfigReport;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class InitCommandIT {
    @TempDir
    Path folder;

    @Test
    void shouldWriteAFileThatLoadsWithItsVariablesSet() {
        Path file = folder.resolve("nsbridge.yaml");

        Commands.Outcome outcome = Commands.run("init", "--config", file.toString());

        assertThat(outcome.code()).as(outcome.all()).isZero();
        ConfigReport report = Workspace.check(file, Map.of("NETSUITE_ACCOUNT", "1234567", "NETSUITE_CLIENT_ID",
                "client", "NETSUITE_CERTIFICATE_ID", "certificate")::get);
        assertThat(report.errors()).isEmpty();
        assertThat(Workspace.open(file, Map.of("NETSUITE_ACCOUNT", "1234567", "NETSUITE_CLIENT_ID", "client",
                "NETSUITE_CERTIFICATE_ID", "certificate")::get, java.time.Clock.systemUTC()).config().extracts())
                .containsKeys("customer", "transaction", "transactionline", "item", "deletedrecord", "systemnote");
    }

    @Test
    void shouldDocumentEveryKeyWithItsDefault() throws Exception {
        Path file = folder.resolve("nsbridge.yaml");
        Commands.run("init", "--config", file.toString());

        String text = Files.readString(file);

        assertThat(text).contains("# lookback (duration such as 10m, default 10m)").contains("# lookback: 10m")
                .contains("load_method (drop_create_load | truncate_load | append | merge")
                .contains("# concurrency: 5").contains("# state:").contains("  # path: nsbridge.db")
                .contains("# klaviyo:").contains("# postgres:");
    }

    @Test
    void shouldNeverOverwriteWithoutForce() throws Exception {
        Path file = Files.writeString(folder.resolve("nsbridge.yaml"), "connections: {}\n");

        Commands.Outcome refused = Commands.run("init", "--config", file.toString());
        Commands.Outcome forced = Commands.run("init", "--config", file.toString(), "--force");

        assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("exists already").contains("--force");
        assertThat(forced.code()).isZero();
        assertThat(Files.readString(file)).contains("extracts:");
    }

    @Test
    void shouldPointAtTheSandboxWithItsCredentialsStoredEncrypted() throws Exception {
        String home = System.getProperty("user.home");
        System.setProperty("user.home", folder.resolve("home").toString());
        try (NetSuiteSandbox sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.01))) {
            Path credentials = Files.writeString(folder.resolve("sandbox.json"), sandbox.startupJson());
            Path file = folder.resolve("nsbridge.yaml");

            Commands.Outcome init = Commands.run("init", "--sandbox", "--config", file.toString(),
                    "--credentials-file", credentials.toString());
            Commands.Outcome check = Commands.run("check", "--config", file.toString(), "--connection", "netsuite");

            assertThat(init.code()).as(init.all()).isZero();
            assertThat(check.code()).as(check.all()).isZero();
            NetSuiteSandbox.Tba tba = sandbox.credentials().tba();
            String text = Files.readString(file);
            assertThat(text).contains("base_url: " + sandbox.baseUrl()).contains("enc:")
                    .doesNotContain(tba.consumerSecret()).doesNotContain(tba.tokenSecret())
                    .doesNotContain(tba.consumerKey()).doesNotContain(tba.tokenId());
            assertThat(init.all() + check.all()).doesNotContain(tba.tokenSecret()).doesNotContain(tba.consumerSecret());
        } finally {
            System.setProperty("user.home", home);
        }
    }

    @Test
    void shouldPointAtTheSandboxWithEnvironmentReferencesWhenGivenNoCredentials() throws Exception {
        Path file = folder.resolve("nsbridge.yaml");

        Commands.Outcome outcome = Commands.run("init", "--sandbox", "--config", file.toString());

        assertThat(outcome.code()).isZero();
        assertThat(Files.readString(file)).contains("base_url: http://127.0.0.1:8089")
                .contains("token_secret: \"${NETSUITE_TOKEN_SECRET}\"");
        assertThat(Workspace.check(file, name -> name.startsWith("NETSUITE_") ? "x" : null).errors()).isEmpty();
    }
}
