package dev.nsbridge.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.app.Workspace;
import dev.nsbridge.app.flow.FlowRun;
import dev.nsbridge.app.flow.FlowRunReport;
import dev.nsbridge.app.flow.FlowRunner;
import dev.nsbridge.app.pipeline.PipelineCatalog;
import dev.nsbridge.engine.run.RunListener;
import dev.nsbridge.engine.run.RunOptions;
import dev.nsbridge.engine.store.Stores;
import dev.nsbridge.sandbox.klaviyo.KlaviyoEvent;
import dev.nsbridge.sandbox.klaviyo.KlaviyoSandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The demo's Klaviyo part: a local Klaviyo beside the sandbox NetSuite, the customers, orders and items flows run
 * into it, and what arrived there: profiles, subscriptions, events by metric, catalog items.
 */
public final class KlaviyoDemoStep implements DemoStep {
    private static final List<String> FLOWS = List.of("customers", "orders", "items");

    @Override
    public String title() {
        return "Klaviyo: customers, orders and items flow from the sandbox NetSuite into a local Klaviyo";
    }

    @Override
    public void run(DemoContext context) throws Exception {
        try (KlaviyoSandbox klaviyo = KlaviyoSandbox.start(KlaviyoSandbox.Options.defaults())) {
            context.putEnvironment("KLAVIYO_API_KEY", klaviyo.privateApiKey());
            String listId = newsletterList(klaviyo);
            Path file = Files.writeString(context.folder().resolve("flows.yaml"), config(context, klaviyo, listId));
            Workspace workspace = Workspace.open(file, context.environment(), Clock.systemUTC());
            context.out().println("local Klaviyo at " + klaviyo.baseUrl() + " (key as ${KLAVIYO_API_KEY}, held in"
                    + " memory); list Newsletter " + listId + "; config " + file);
            context.out().println("the flows are still in test, so everything goes as history (backfill) until"
                    + " nsbridge golive");
            long warned = 0;
            try (Stores stores = workspace.stores()) {
                FlowRunner runner = new FlowRunner(new PipelineCatalog(workspace, stores));
                for (String flow : FLOWS) {
                    FlowRun run = runner.run(flow, RunOptions.NORMAL, RunListener.NONE);
                    FlowRunReport.text(run, context.out());
                    warned += flow.equals("customers") ? run.result().counts().warnings() : 0;
                }
            }
            report(context, klaviyo, warned);
        }
    }

    private static void report(DemoContext context, KlaviyoSandbox klaviyo, long customersWarned) {
        context.out().println();
        context.out().printf("  %-32s %,6d%n", "profiles", klaviyo.profiles().size());
        // NetSuite holds phones such as "call me": such a customer goes with its email alone, and the reverse.
        context.out().printf("  %-32s %,6d%n", "customers sent with a warning", customersWarned);
        context.out().printf("  %-32s %,6d%n", "subscribed to email", klaviyo.subscriptions().stream()
                .filter(subscription -> subscription.channel().equals("email")).count());
        Map<String, Long> byMetric = klaviyo.events().stream().collect(Collectors.groupingBy(KlaviyoEvent::metricName,
                TreeMap::new, Collectors.counting()));
        byMetric.forEach((metric, count) -> context.out().printf("  %-32s %,6d%n", "events: " + metric, count));
        context.out().printf("  %-32s %,6d%n", "catalog items", klaviyo.catalogItems().size());
        context.out().println("  refused records and warnings wait in the flows' error queue (--kind warning for the"
                + " fields left out)");
    }

    /** The flows' file: the same NetSuite, the local Klaviyo, and its own state beside the extracts'. */
    private static String config(DemoContext context, KlaviyoSandbox klaviyo, String listId) {
        return """
                # Written by nsbridge demo: the Klaviyo flows against the local sandboxes.
                connections:
                  netsuite:
                    type: netsuite
                    account: "%s"
                    base_url: "%s"
                    auth: tba
                    consumer_key: "${NETSUITE_CONSUMER_KEY}"
                    consumer_secret: "${NETSUITE_CONSUMER_SECRET}"
                    token_id: "${NETSUITE_TOKEN_ID}"
                    token_secret: "${NETSUITE_TOKEN_SECRET}"
                  klaviyo:
                    type: klaviyo
                    api_key: "${KLAVIYO_API_KEY}"
                    base_url: "%s"
                flows:
                  customers:
                    type: customers
                    source: netsuite
                    destination: klaviyo
                    settings:
                      list_id: "%s"
                  orders:
                    type: orders
                    source: netsuite
                    destination: klaviyo
                  items:
                    type: items
                    source: netsuite
                    destination: klaviyo
                    settings:
                      url_template: "https://shop.example.com/p/{sku}"
                state:
                  path: flows.db
                """.formatted(context.sandbox().accountId(), context.sandbox().baseUrl(), klaviyo.baseUrl(), listId);
    }

    /**
     * The list a marketer makes in Klaviyo before connecting NetSuite, made as they would, through Klaviyo's API; the
     * flows only ever add to lists. The tests that run flows against the local Klaviyo start from it too.
     */
    public static String newsletterList(KlaviyoSandbox klaviyo) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(klaviyo.baseUrl() + "/api/lists"))
                .header("Authorization", "Klaviyo-API-Key " + klaviyo.privateApiKey())
                .header("revision", dev.nsbridge.klaviyo.http.KlaviyoHttp.REVISION)
                .header("accept", "application/vnd.api+json").header("content-type", "application/vnd.api+json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"data\":{\"type\":\"list\",\"attributes\":{\"name\":\"Newsletter\"}}}")).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("the local Klaviyo refused to create a list: " + response.statusCode());
        }
        return new ObjectMapper().readTree(response.body()).at("/data/id").asText();
    }
}
