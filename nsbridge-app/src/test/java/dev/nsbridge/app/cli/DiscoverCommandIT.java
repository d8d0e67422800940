package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DiscoverCommandIT {
    private static NetSuiteSandbox sandbox;

    @TempDir
    Path folder;

    @BeforeAll
    static void startSandbox() {
        sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.01));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void shouldListTablesWithTheirPrimaryAndIncrementalKeys() throws Exception {
        Path config = SandboxConfig.write(folder, sandbox, "");

        Commands.Outcome outcome = Commands.run("discover", "--config", config.toString());

        assertThat(outcome.code()).as(outcome.all()).isZero();
        assertThat(outcome.out()).containsPattern("customer\\s+id\\s+lastmodifieddate")
                .containsPattern("transactionline\\s+transaction, id\\s+linelastmodifieddate")
                .containsPattern("deletedrecord\\s+recordid, type\\s+deleteddate")
                .containsPattern("accounttype\\s+id\\s+\\(none: full reload\\)");
    }

    @Test
    void shouldShowATablesColumnsWithCustomFieldsAndSuggestedKeysAsJson() throws Exception {
        Path config = SandboxConfig.write(folder, sandbox, "");

        Commands.Outcome outcome = Commands.run("discover", "--config", config.toString(), "--table", "customer",
                "--json", "--refresh");

        assertThat(outcome.code()).as(outcome.all()).isZero();
        JsonNode json = new ObjectMapper().readTree(outcome.out());
        assertThat(json.path("suggested_unique_key").get(0).asText()).isEqualTo("id");
        assertThat(json.path("incremental_key").asText()).isEqualTo("lastmodifieddate");
        assertThat(json.path("columns").findValuesAsText("name")).contains("email", "lastmodifieddate")
                .anyMatch(name -> name.startsWith("custentity"));
        assertThat(outcome.all()).doesNotContain(sandbox.credentials().tba().tokenSecret());
    }

    @Test
    void shouldSuggestTheClosestTableForATypo() throws Exception {
        Path config = SandboxConfig.write(folder, sandbox, "");

        Commands.Outcome outcome = Commands.run("discover", "--config", config.toString(), "--table", "custmer");

        assertThat(outcome.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.err()).contains("did you mean customer?");
    }
}
