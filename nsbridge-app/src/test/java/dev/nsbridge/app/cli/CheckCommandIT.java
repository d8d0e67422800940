package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.app.Main;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CheckCommandIT {
    private static NetSuiteSandbox sandbox;

    @TempDir
    Path folder;

    @BeforeAll
    static void startSandbox() {
        sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.02));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private Path tbaConfig(String tokenSecret) throws Exception {
        NetSuiteSandbox.Tba tba = sandbox.credentials().tba();
        Path file = folder.resolve("nsbridge.yaml");
        Files.writeString(file, """
                connections:
                  netsuite:
                    type: netsuite
                    account: "%s"
                    base_url: "%s"
                    auth: tba
                    consumer_key: "%s"
                    consumer_secret: "%s"
                    token_id: "%s"
                    token_secret: "%s"
                  warehouse:
                    type: duckdb
                    path: warehouse/nsbridge.duckdb
                """.formatted(sandbox.accountId().toLowerCase(), sandbox.baseUrl(), tba.consumerKey(),
                tba.consumerSecret(), tba.tokenId(), tokenSecret));
        return file;
    }

    private Outcome check(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 1];
            all[0] = "check";
            System.arraycopy(args, 0, all, 1, args.length);
            int code = Main.run(all);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void shouldPassWithGoodCredentialsAndReportTheBudget() throws Exception {
        Outcome outcome = check("--config", tbaConfig(sandbox.credentials().tba().tokenSecret()).toString());

        assertThat(outcome.code()).as(outcome.output()).isZero();
        assertThat(outcome.output()).contains("connection netsuite (netsuite): passed")
                .contains("connection warehouse (duckdb): passed").containsIgnoringCase("concurrency");
        assertNoSecretIn(outcome.output());
    }

    @Test
    void shouldFailWithAWrongSecretNamingTheFixAndNeverPrintingSecrets() throws Exception {
        Outcome outcome = check("--config", tbaConfig("0".repeat(64)).toString(), "--connection", "netsuite");

        assertThat(outcome.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(outcome.output()).contains("FAILED").contains("fix:").contains("Token");
        assertNoSecretIn(outcome.output());
    }

    @Test
    void shouldPassWithOAuth2AndAnswerJsonForScripts() throws Exception {
        NetSuiteSandbox.OAuth2 oauth2 = sandbox.credentials().oauth2();
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
                """.formatted(sandbox.accountId(), sandbox.baseUrl(), oauth2.clientId(), certificate.id(), key));

        Outcome outcome = check("--config", file.toString(), "--json");

        assertThat(outcome.code()).as(outcome.output()).isZero();
        JsonNode json = new ObjectMapper().readTree(outcome.output());
        assertThat(json.path("passed").asBoolean()).isTrue();
        assertThat(json.path("connections").get(0).path("report").path("steps")).isNotEmpty();
        assertThat(outcome.output()).doesNotContain(oauth2.clientId()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void shouldExitTwoOnABadConfigurationNamingTheLine() throws Exception {
        Path file = Files.writeString(folder.resolve("bad.yaml"), """
                connections:
                  netsuite:
                    type: netsuite
                    acount: "1234567"
                """);

        Outcome outcome = check("--config", file.toString());

        assertThat(outcome.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.output()).contains("line 4").contains("did you mean account");
    }

    private static void assertNoSecretIn(String output) {
        NetSuiteSandbox.Tba tba = sandbox.credentials().tba();
        assertThat(output).doesNotContain(tba.consumerSecret()).doesNotContain(tba.tokenSecret())
                .doesNotContain(tba.consumerKey()).doesNotContain(tba.tokenId());
    }

    private record Outcome(int code, String output) {
    }
}
