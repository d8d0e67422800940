package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.app.Workspace;
import dev.nsbridge.app.demo.KlaviyoDemoStep;
import dev.nsbridge.app.flow.FlowRun;
import dev.nsbridge.app.flow.FlowRunner;
import dev.nsbridge.app.pipeline.PipelineCatalog;
import dev.nsbridge.engine.run.RunListener;
import dev.nsbridge.engine.run.RunOptions;
import dev.nsbridge.engine.store.Stores;
import dev.nsbridge.sandbox.klaviyo.KlaviyoSandbox;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record-error queue, status and go-live read nsbridge's own state, so they work where the connections'
 * environment variables are not set (a support shell, a teammate's laptop); sending still needs them and names them.
 */
final class LocalStateWithoutCredentialsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Names no test environment sets, so the commands run below see them unset. */
    private static final List<String> VARIABLES = List.of("LOCAL_STATE_NS_CONSUMER_KEY",
            "LOCAL_STATE_NS_CONSUMER_SECRET", "LOCAL_STATE_NS_TOKEN_ID", "LOCAL_STATE_NS_TOKEN_SECRET",
            "LOCAL_STATE_KLAVIYO_API_KEY");

    @TempDir
    Path folder;
    private NetSuiteSandbox netSuite;
    private KlaviyoSandbox klaviyo;
    private Path config;
    private long refused;
    private long warned;
    private int loginsWithCredentials;

    /** As the demo does: the flows run with the credentials in the environment, and refused records wait. */
    @BeforeEach
    void runTheCustomersFlowWithCredentials() throws Exception {
        netSuite = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.02));
        klaviyo = KlaviyoSandbox.start(KlaviyoSandbox.Options.defaults());
        // Customers with neither a usable email nor a phone, which Klaviyo cannot take whatever else changes.
        netSuite.account().executeAdmin("UPDATE customer SET email = 'no-at-sign', phone = NULL WHERE MOD(id, 4) = 0");
        config = Files.writeString(folder.resolve("flows.yaml"), """
                connections:
                  netsuite:
                    type: netsuite
                    account: "%s"
                    base_url: "%s"
                    auth: tba
                    consumer_key: "${LOCAL_STATE_NS_CONSUMER_KEY}"
                    consumer_secret: "${LOCAL_STATE_NS_CONSUMER_SECRET}"
                    token_id: "${LOCAL_STATE_NS_TOKEN_ID}"
                    token_secret: "${LOCAL_STATE_NS_TOKEN_SECRET}"
                  klaviyo:
                    type: klaviyo
                    api_key: "${LOCAL_STATE_KLAVIYO_API_KEY}"
                    base_url: "%s"
                flows:
                  customers:
                    type: customers
                    source: netsuite
                    destination: klaviyo
                    settings:
                      list_id: "%s"
                """.formatted(netSuite.accountId(), netSuite.baseUrl(), klaviyo.baseUrl(),
                KlaviyoDemoStep.newsletterList(klaviyo)));
        NetSuiteSandbox.Tba tba = netSuite.credentials().tba();
        Map<String, String> credentials = Map.of(VARIABLES.get(0), tba.consumerKey(), VARIABLES.get(1),
                tba.consumerSecret(), VARIABLES.get(2), tba.tokenId(), VARIABLES.get(3), tba.tokenSecret(),
                VARIABLES.get(4), klaviyo.privateApiKey());
        Workspace workspace = Workspace.open(config, name -> credentials.getOrDefault(name, System.getenv(name)),
                Clock.systemUTC());
        try (Stores stores = workspace.stores()) {
            FlowRun run = new FlowRunner(new PipelineCatalog(workspace, stores)).run("customers", RunOptions.NORMAL, RunListener.NONE);
            refused = run.result().counts().errors();
            warned = run.result().counts().warnings();
        }
        loginsWithCredentials = netSuite.stats().loginAuditTrail().size();
    }

    @AfterEach
    void stop() {
        klaviyo.close();
        netSuite.close();
    }

    @Test
    void shouldListShowAndReportWithTheConnectionsVariablesUnset() throws Exception {
        assertThat(VARIABLES).allSatisfy(variable -> assertThat(System.getenv(variable)).isNull());
        assertThat(refused).isPositive();

        Commands.Outcome listed = Commands.run("errors", "--json", "-c", config.toString());
        assertThat(listed.code()).as(listed.all()).isZero();
        Commands.Outcome table = Commands.run("errors", "-c", config.toString());
        JsonNode errors = JSON.readTree(listed.out());
        String id = errors.get(0).path("id").asText();
        Commands.Outcome shown = Commands.run("errors", "show", id, "-c", config.toString());
        Commands.Outcome status = Commands.run("status", "-c", config.toString());
        Commands.Outcome phases = Commands.run("golive", "-c", config.toString());

        assertThat(List.of(listed, table, shown, status, phases)).allSatisfy(outcome -> {
            assertThat(outcome.code()).as(outcome.all()).isZero();
            assertThat(outcome.all()).doesNotContain("not set");
        });
        // The queue lists the refused records and the ones sent with a warning, as the run counted them.
        assertThat(errors).hasSize((int) (refused + warned)).allSatisfy(error ->
                assertThat(error.path("pipeline").asText()).isEqualTo("customers"));
        assertThat(errors).filteredOn(error -> error.path("kind").asText().equals("error")).hasSize((int) refused);
        assertThat(table.out()).contains("customers");
        assertThat(shown.out()).contains(errors.get(0).path("kind").asText() + " " + id + " of customers, record "
                + errors.get(0).path("record")
                .asText()).contains("payload:");
        assertThat(status.out()).containsPattern("customers\\s+test");
        assertThat(phases.out()).containsPattern("customers\\s+test\\s+never live");
    }

    @Test
    void shouldNameTheUnsetVariablesWhenAskedToSend() {
        Commands.Outcome retry = Commands.run("retry", "customers", "-c", config.toString());
        Commands.Outcome run = Commands.run("run", "customers", "-c", config.toString());

        assertThat(List.of(retry, run)).allSatisfy(outcome -> {
            assertThat(outcome.code()).as(outcome.all()).isEqualTo(ExitCodes.USAGE);
            assertThat(outcome.all()).contains(VARIABLES.stream().map(variable -> "environment variable " + variable
                    + ", which is not set").toList());
        });
        assertThat(netSuite.stats().loginAuditTrail()).hasSize(loginsWithCredentials);
    }
}
