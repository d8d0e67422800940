package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

final class CheckCommandIT {
    @RegisterExtension
    static final LocalNetSuiteExtension NETSUITE = new LocalNetSuiteExtension();

    private static NetSuiteSandbox sandbox() {
        return NETSUITE.sandbox();
    }

    @TempDir
    Path folder;

    /** The account id in lower case and the DuckDB file in a folder not made yet: both the check has to cope with. */
    private Path tbaConfig(String tokenSecret) throws Exception {
        return Files.writeString(folder.resolve("nsbridge.yaml"), "connections:\n"
                + SandboxConfig.netSuite(sandbox(), sandbox().accountId().toLowerCase(), tokenSecret) + """
                  warehouse:
                    type: duckdb
                    path: warehouse/nsbridge.duckdb
                """);
    }

    @Test
    void shouldPassWithGoodCredentialsAndReportTheBudget() throws Exception {
        Path config = tbaConfig(sandbox().credentials().tba().tokenSecret());

        Commands.Outcome outcome = Commands.run("check", "--config", config.toString());

        assertThat(outcome.code()).as(outcome.all()).isZero();
        assertThat(outcome.all()).contains("connection netsuite (netsuite): passed")
                .contains("connection warehouse (duckdb): passed").containsIgnoringCase("concurrency");
        assertNoSecretIn(outcome.all());
    }

    @Test
    void shouldFailWithAWrongSecretNamingTheFixAndNeverPrintingSecrets() throws Exception {
        Path config = tbaConfig("0".repeat(64));

        Commands.Outcome outcome = Commands.run("check", "--config", config.toString(), "--connection", "netsuite");

        assertThat(outcome.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(outcome.all()).contains("FAILED").contains("fix:").contains("Token");
        assertNoSecretIn(outcome.all());
    }

    @Test
    void shouldPassWithOAuth2AndAnswerJsonForScripts() throws Exception {
        NetSuiteSandbox.OAuth2 oauth2 = sandbox().credentials().oauth2();
        NetSuiteSandbox.Certificate certificate = oauth2.certificates().get(0);
        Path key = Files.writeString(folder.resolve("netsuite.pem"), certificate.privateKeyPem());
        Path file = Files.writeString(folder.resolve("oauth2.yaml"), """
                connections:
                  netsuite:
                    type: netsuite
                    account: "%s"
                    base_url: "%s"
                    client_id: "%s"
                    certificate_id: "%s"
                    private_key_file: "%s"
                """.formatted(sandbox().accountId(), sandbox().baseUrl(),
                EncryptedValue.of("connections.netsuite.client_id", oauth2.clientId()), certificate.id(), key));

        Commands.Outcome outcome = Commands.run("check", "--config", file.toString(), "--json");

        assertThat(outcome.code()).as(outcome.all()).isZero();
        JsonNode json = new ObjectMapper().readTree(outcome.all());
        assertThat(json.path("passed").asBoolean()).isTrue();
        assertThat(json.path("connections").get(0).path("report").path("steps")).isNotEmpty();
        assertThat(outcome.all()).doesNotContain(oauth2.clientId()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void shouldExitTwoOnABadConfigurationNamingTheLine() throws Exception {
        Path file = Files.writeString(folder.resolve("bad.yaml"), """
                connections:
                  netsuite:
                    type: netsuite
                    acount: "1234567"
                """);

        Commands.Outcome outcome = Commands.run("check", "--config", file.toString());

        assertThat(outcome.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.all()).contains("line 4").contains("did you mean account");
    }

    private static void assertNoSecretIn(String output) {
        NetSuiteSandbox.Tba tba = sandbox().credentials().tba();
        assertThat(output).doesNotContain(tba.consumerSecret()).doesNotContain(tba.tokenSecret())
                .doesNotContain(tba.consumerKey()).doesNotContain(tba.tokenId());
    }
}
