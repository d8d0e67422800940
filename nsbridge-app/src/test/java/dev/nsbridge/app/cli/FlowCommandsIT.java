package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.app.demo.KlaviyoDemoStep;
import dev.nsbridge.sandbox.klaviyo.KlaviyoProfile;
import dev.nsbridge.sandbox.klaviyo.KlaviyoSandbox;
import dev.nsbridge.sandbox.klaviyo.KlaviyoSubscription;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flows' lifecycle through {@code Main}: dry run, limited run, go-live, the error queue and retry. */
final class FlowCommandsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static NetSuiteSandbox netSuite;
    private KlaviyoSandbox klaviyo;

    @TempDir
    Path folder;

    @BeforeAll
    static void startNetSuite() {
        netSuite = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.05));
    }

    @AfterAll
    static void stopNetSuite() {
        netSuite.close();
    }

    @BeforeEach
    void startKlaviyo() {
        klaviyo = KlaviyoSandbox.start(KlaviyoSandbox.Options.defaults());
    }

    @AfterEach
    void stopKlaviyo() {
        klaviyo.close();
    }

    @Test
    void shouldPrintTheExactPayloadsAndSendNothingOnADryRun() throws Exception {
        Path config = config("LIST1");

        Commands.Outcome text = Commands.run("run", "customers", "--dry-run", "-c", config.toString());
        Commands.Outcome json = Commands.run("run", "orders", "--dry-run", "--limit", "2", "--json", "-c",
                config.toString());

        assertThat(text.code()).as(text.all()).isZero();
        assertThat(text.out()).contains("dry run of flow customers: 5 record(s) read").contains("nothing sent")
                .contains("POST /api/profile-bulk-import-jobs").contains("\"type\":\"profile\"");
        assertThat(count(text.out(), "# record ")).isBetween(1, 5);
        assertThat(json.code()).as(json.all()).isZero();
        JsonNode flow = JSON.readTree(json.out()).path("flows").get(0);
        assertThat(flow.path("dry_run").asBoolean()).isTrue();
        assertThat(flow.path("read").asLong()).isEqualTo(2);
        assertThat(flow.path("payloads")).isNotEmpty().allSatisfy(payload -> {
            assertThat(payload.path("method").asText()).isEqualTo("POST");
            assertThat(payload.path("path").asText()).isEqualTo("/api/event-bulk-create-jobs");
            assertThat(payload.path("body").isObject()).isTrue();
        });
        assertThat(klaviyo.received()).isEmpty();
        assertNoSecretIn(text.all() + json.all());
    }

    @Test
    void shouldSendOnlyNRecordsWithALimit() throws Exception {
        Commands.Outcome outcome = Commands.run("run", "items", "--limit", "3", "-c", config("LIST1").toString());

        assertThat(outcome.code()).as(outcome.all()).isZero();
        assertThat(outcome.out()).contains("flow items: succeeded, read 3, sent 3, refused 0");
        assertThat(klaviyo.catalogItems()).hasSize(3);
    }

    @Test
    void shouldSendHistoryAsBackfillUntilGoLiveAndLiveEventsAfter() throws Exception {
        String config = config("LIST1").toString();

        Commands.Outcome inTest = Commands.run("run", "orders", "--dry-run", "-c", config);
        Commands.Outcome live = Commands.run("golive", "orders", "--since", "2000-01-01", "-c", config);
        Commands.Outcome afterGoLive = Commands.run("run", "orders", "--dry-run", "-c", config);
        Commands.Outcome status = Commands.run("status", "-c", config);
        Commands.Outcome off = Commands.run("golive", "orders", "--off", "-c", config);
        Commands.Outcome phases = Commands.run("golive", "--json", "-c", config);
        Commands.Outcome sent = Commands.run("run", "orders", "--limit", "2", "-c", config);

        assertThat(inTest.out()).contains("\"backfill\":true");
        assertThat(live.code()).as(live.all()).isZero();
        assertThat(live.out()).contains("flow orders is live since 2000-01-01T00:00:00Z");
        assertThat(afterGoLive.out()).contains("/api/event-bulk-create-jobs").doesNotContain("\"backfill\"");
        assertThat(status.code()).as(status.all()).isZero();
        assertThat(status.out()).containsPattern("orders\\s+live").containsPattern("customers\\s+test");
        assertThat(off.out()).contains("flow orders is back in test");
        JsonNode orders = JSON.readTree(phases.out()).findParents("flow").stream()
                .filter(node -> node.path("flow").asText().equals("orders")).findFirst().orElseThrow();
        assertThat(orders.path("phase").asText()).isEqualTo("test");
        assertThat(sent.code()).as(sent.all()).isZero();
        assertThat(klaviyo.received()).filteredOn(request -> request.path().equals("/api/event-bulk-create-jobs"))
                .isNotEmpty().allSatisfy(request -> assertThat(request.body()).contains("\"backfill\":true"));
    }

    @Test
    void shouldListAnInvalidEmailAndResolveItOnRetryOnceFixedInNetSuite() throws Exception {
        String config = config(KlaviyoDemoStep.newsletterList(klaviyo)).toString();
        Commands.Outcome run = Commands.run("run", "customers", "-c", config);
        assertThat(run.code()).as(run.all()).isZero();
        assertThat(run.out()).contains("nsbridge errors customers");

        Commands.Outcome listed = Commands.run("errors", "customers", "--kind", "error", "--json", "-c", config);
        List<JsonNode> invalid = new ArrayList<>();
        JSON.readTree(listed.out()).forEach(error -> {
            if (error.path("code").asText().equals("invalid_email")) {
                invalid.add(error);
            }
        });
        assertThat(invalid).isNotEmpty();
        JsonNode first = invalid.get(0);
        String id = first.path("id").asText();
        String record = first.path("record").asText();
        assertThat(first.path("attempts").asInt()).isEqualTo(1);
        assertThat(first.path("first_seen").asText()).isNotBlank();
        Commands.Outcome shown = Commands.run("errors", "show", id, "-c", config);
        assertThat(shown.out()).contains("record " + record).contains("invalid_email")
                .contains("\"external_id\":\"" + record + "\"");

        netSuite.account().executeAdmin("UPDATE customer SET email = 'fixed" + record + "@example.com', phone = NULL"
                + " WHERE id = " + record);
        Commands.Outcome retried = Commands.run("retry", "customers", "--id", id, "-c", config);

        assertThat(retried.code()).as(retried.all()).isZero();
        assertThat(retried.out()).contains("customers: retried 1, resolved 1, still open 0");
        assertThat(Commands.run("errors", "customers", "-c", config).out()).doesNotContain("fixed")
                .doesNotMatch("(?s).*\\n" + id + "\\s+customers\\s+" + record + "\\s.*");
        JsonNode resolved = findById(Commands.run("errors", "--all", "--json", "-c", config).out(), id);
        assertThat(resolved.path("status").asText()).isEqualTo("resolved");
        assertThat(klaviyo.profiles()).anyMatch(profile -> ("fixed" + record + "@example.com")
                .equals(profile.email()));
        assertNoSecretIn(run.all() + listed.all() + shown.all() + retried.all());
    }

    @Test
    void shouldSendACustomerWithAnInvalidPhoneWithItsEmailAndConsentAndKeepAWarning() throws Exception {
        String id = optedInCustomerWithPhone("call me");
        String config = config(KlaviyoDemoStep.newsletterList(klaviyo)).toString();

        Commands.Outcome run = Commands.run("run", "customers", "-c", config);
        Commands.Outcome warnings = Commands.run("errors", "customers", "--kind", "warning", "--json", "-c", config);
        Commands.Outcome table = Commands.run("errors", "--kind", "warning", "-c", config);

        assertThat(run.code()).as(run.all()).isZero();
        assertThat(run.out()).containsPattern("\\n  [1-9][0-9]* sent with a warning")
                .contains("nsbridge errors customers --kind warning");
        KlaviyoProfile profile = klaviyo.profiles().stream().filter(p -> id.equals(p.externalId())).findFirst()
                .orElseThrow(() -> new AssertionError("customer " + id + " is not in Klaviyo"));
        assertThat(profile.email()).isEqualTo("badphone" + id + "@example.com");
        assertThat(profile.phoneNumber()).isNull();
        assertThat(consentsOf(profile.id())).extracting(KlaviyoSubscription::channel).containsExactly("email");
        JsonNode warning = StreamSupport.stream(JSON.readTree(warnings.out()).spliterator(), false)
                .filter(entry -> entry.path("record").asText().equals(id)).findFirst().orElseThrow();
        assertThat(warning.path("kind").asText()).isEqualTo("warning");
        assertThat(warning.path("code").asText()).isEqualTo("invalid_phone");
        assertThat(warning.path("reason").asText()).contains("call me");
        assertThat(JSON.readTree(warnings.out())).allSatisfy(entry ->
                assertThat(entry.path("kind").asText()).isEqualTo("warning"));
        assertThat(table.out()).containsPattern(warning.path("id").asText() + "\\s+customers\\s+" + id
                + "\\s+warning\\s+open");
        Commands.Outcome retried = Commands.run("retry", "customers", "--id", warning.path("id").asText(), "-c",
                config);
        assertThat(retried.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(retried.all()).contains("is a warning").contains("nothing to send again");
        assertNoSecretIn(run.all() + warnings.all() + table.all() + retried.all());
    }

    @Test
    void shouldStillRefuseACustomerWithAnInvalidPhoneWhenTheFlowIsSetToRefuse() throws Exception {
        String id = optedInCustomerWithPhone("(439) 877-8061");
        String config = config(KlaviyoDemoStep.newsletterList(klaviyo), "invalid_contact_fields: refuse").toString();

        Commands.Outcome run = Commands.run("run", "customers", "-c", config);
        JsonNode errors = JSON.readTree(Commands.run("errors", "customers", "--kind", "error", "--json", "-c", config)
                .out());
        JsonNode warnings = JSON.readTree(Commands.run("errors", "customers", "--kind", "warning", "--json", "-c",
                config).out());

        assertThat(run.code()).as(run.all()).isZero();
        assertThat(run.out()).doesNotContain("sent with a warning");
        assertThat(errors).anySatisfy(error -> {
            assertThat(error.path("record").asText()).isEqualTo(id);
            assertThat(error.path("code").asText()).isEqualTo("invalid_phone");
        });
        assertThat(warnings).isEmpty();
        assertThat(klaviyo.profiles()).noneMatch(profile -> id.equals(profile.externalId()));
    }

    /** The profile's consents once Klaviyo's subscribe job has run: it starts a moment after the request. */
    private List<KlaviyoSubscription> consentsOf(String profileId) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        List<KlaviyoSubscription> consents;
        do {
            Thread.sleep(200);
            consents = klaviyo.subscriptions().stream().filter(s -> s.profileId().equals(profileId)).toList();
        } while (consents.isEmpty() && System.nanoTime() < deadline);
        return consents;
    }

    /** An active, opted-in customer given a valid email and the phone as written here; answers its id. */
    private static String optedInCustomerWithPhone(String phone) throws Exception {
        String id = netSuite.account().query("SELECT id FROM customer WHERE isinactive = 'F'"
                + " AND globalsubscriptionstatus IN (1, 3) ORDER BY id", List.of(), 0, 1).items().get(0).values()
                .iterator().next().toString();
        netSuite.account().executeAdmin("UPDATE customer SET email = 'badphone" + id + "@example.com', phone = '"
                + phone + "' WHERE id = " + id);
        return id;
    }

    @Test
    void shouldResolveAnErrorByHand() throws Exception {
        String config = config(KlaviyoDemoStep.newsletterList(klaviyo)).toString();
        Commands.run("run", "customers", "-c", config);
        JsonNode open = JSON.readTree(Commands.run("errors", "--json", "-c", config).out());
        assertThat(open).isNotEmpty();
        String id = open.get(0).path("id").asText();

        Commands.Outcome resolved = Commands.run("errors", "resolve", id, "-c", config);

        assertThat(resolved.code()).as(resolved.all()).isZero();
        assertThat(resolved.out()).contains("error " + id + " of customers").contains("is resolved");
        assertThat(JSON.readTree(Commands.run("errors", "--json", "-c", config).out()))
                .noneMatch(error -> error.path("id").asText().equals(id));
        assertThat(Commands.run("errors", "show", "999999", "-c", config).code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void shouldExitTwoNamingTheLineOfABadFlowSetting() throws Exception {
        Path config = Files.writeString(folder.resolve("bad.yaml"), connections() + """
                flows:
                  orders:
                    type: orders
                    source: netsuite
                    destination: klaviyo
                    settings:
                      batch_size: 5000
                """);

        Commands.Outcome outcome = Commands.run("run", "orders", "--dry-run", "-c", config.toString());

        assertThat(outcome.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.all()).contains("line 21").contains("flows.orders.settings.batch_size");
        assertThat(Commands.run("golive", "nosuchflow", "-c", config("LIST1").toString()).code())
                .isEqualTo(ExitCodes.USAGE);
    }

    private Path config(String listId) throws Exception {
        return config(listId, "");
    }

    /** @param customerSetting one more line under the customers flow's settings */
    private Path config(String listId, String customerSetting) throws Exception {
        return Files.writeString(folder.resolve("nsbridge.yaml"), connections() + """
                flows:
                  customers:
                    type: customers
                    source: netsuite
                    destination: klaviyo
                    settings:
                      list_id: "%s"
                      batch_size: 50
                      %s
                  orders:
                    type: orders
                    source: netsuite
                    destination: klaviyo
                    schedule: "*/15 * * * *"
                    settings:
                      line_events: false
                  items:
                    type: items
                    source: netsuite
                    destination: klaviyo
                    settings:
                      url_template: "https://shop.example.com/p/{sku}"
                """.formatted(listId, customerSetting));
    }

    private String connections() {
        return "connections:\n" + SandboxConfig.netSuite(netSuite) + """
                  klaviyo:
                    type: klaviyo
                    api_key: "%s"
                    base_url: "%s"
                """.formatted(EncryptedValue.of("connections.klaviyo.api_key", klaviyo.privateApiKey()),
                klaviyo.baseUrl());
    }

    private static JsonNode findById(String json, String id) throws Exception {
        for (JsonNode node : JSON.readTree(json)) {
            if (node.path("id").asText().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no error " + id + " in " + json);
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private void assertNoSecretIn(String output) {
        NetSuiteSandbox.Tba tba = netSuite.credentials().tba();
        assertThat(output).doesNotContain(tba.consumerSecret()).doesNotContain(tba.tokenSecret())
                .doesNotContain(tba.consumerKey()).doesNotContain(tba.tokenId())
                .doesNotContain(klaviyo.privateApiKey());
    }
}
