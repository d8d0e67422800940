package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes in nsbridge.yaml that {@code check} must find before anything connects, each with its line and fix. The
 * connections point nowhere reachable: a mistake found too late would show as a connection failure instead.
 */
final class ConfigMistakesTest {
    private static final String WIDENING = "c.id < 200) OR (1=1";

    @TempDir
    Path folder;

    private Path write(String rest) throws Exception {
        return Files.writeString(folder.resolve("nsbridge.yaml"), """
                connections:
                  netsuite:
                    type: netsuite
                    account: "1234567"
                    base_url: "http://127.0.0.1:9"
                    auth: tba
                    consumer_key: "ck"
                    consumer_secret: "cs"
                    token_id: "ti"
                    token_secret: "ts"
                  klaviyo:
                    type: klaviyo
                    api_key: "pk_test"
                    base_url: "http://127.0.0.1:9"
                  warehouse:
                    type: duckdb
                    path: warehouse.duckdb
                """ + rest);
    }

    private static int lineOf(Path file, String text) throws Exception {
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }

    @Test
    void shouldRefuseAnExtractFilterThatClosesTheQuerysParenthesisAtCheckAndRunWithItsLine() throws Exception {
        Path config = write("""
                extracts:
                  customers:
                    connection: netsuite
                    table: customer
                    destination: warehouse
                    filter: "%s"
                """.formatted(WIDENING));
        String where = "line " + lineOf(config, "filter:") + ": extracts.customers.filter:";

        Commands.Outcome check = Commands.run("check", "--config", config.toString());
        Commands.Outcome run = Commands.run("run", "--config", config.toString(), "customers");

        assertThat(check.code()).as(check.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(check.all()).contains(where).contains("closes a parenthesis").doesNotContain("passed");
        assertThat(run.code()).as(run.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.all()).contains(where);
        assertThat(folder.resolve("warehouse.duckdb")).doesNotExist();
    }

    @Test
    void shouldRefuseAFlowFilterThatClosesTheQuerysParenthesisWithItsLine() throws Exception {
        Path config = write("""
                flows:
                  customers:
                    type: customers
                    source: netsuite
                    destination: klaviyo
                    settings:
                      list_id: Y6nRLr
                      filter: "%s"
                """.formatted(WIDENING));

        Commands.Outcome check = Commands.run("check", "--config", config.toString());

        assertThat(check.code()).as(check.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(check.all()).contains("line " + lineOf(config, "filter:")
                + ": flows.customers.settings.filter:").contains("closes a parenthesis");
    }
}
