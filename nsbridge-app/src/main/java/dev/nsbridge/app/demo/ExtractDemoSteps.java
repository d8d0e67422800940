package dev.nsbridge.app.demo;

import dev.nsbridge.app.Workspace;
import dev.nsbridge.app.extract.ExtractOutcome;
import dev.nsbridge.app.extract.ExtractRequest;
import dev.nsbridge.app.extract.ExtractSession;
import dev.nsbridge.engine.run.RunListener;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import dev.nsbridge.sandbox.netsuite.data.NetSuiteAccount.ActivityReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** The warehouse half of the demo: configure, run every load method, change the account, run again. */
public final class ExtractDemoSteps {
    private ExtractDemoSteps() {
    }

    /**
     * @param configText renders the demo's nsbridge.yaml from the netsuite connection's values and the warehouse
     *                   path; the command passes the same template {@code nsbridge init} writes
     * @param progress   the progress display of a run, on the context's stderr
     * @param summary    prints a run's outcomes
     */
    public static List<DemoStep> all(Function<Map<String, String>, String> configText,
                                     Function<DemoContext, RunListener> progress,
                                     BiConsumer<DemoContext, List<ExtractOutcome>> summary, int changes) {
        return List.of(configure(configText), run("First run: every extract, one load method each", progress, summary),
                simulate(changes), run("Second run: incremental, only what changed", progress, summary),
                new WarehouseTour(), new LedgerTour());
    }

    private static DemoStep configure(Function<Map<String, String>, String> configText) {
        return step("Configuration: the file nsbridge init --sandbox writes, pointed at this sandbox", context -> {
            NetSuiteSandbox sandbox = context.sandbox();
            NetSuiteSandbox.Tba tba = sandbox.credentials().tba();
            context.putEnvironment("NETSUITE_CONSUMER_KEY", tba.consumerKey());
            context.putEnvironment("NETSUITE_CONSUMER_SECRET", tba.consumerSecret());
            context.putEnvironment("NETSUITE_TOKEN_ID", tba.tokenId());
            context.putEnvironment("NETSUITE_TOKEN_SECRET", tba.tokenSecret());
            Map<String, String> netsuite = new LinkedHashMap<>();
            netsuite.put("account", sandbox.accountId());
            netsuite.put("base_url", sandbox.baseUrl().toString());
            netsuite.put("auth", "tba");
            netsuite.put("consumer_key", "\"${NETSUITE_CONSUMER_KEY}\"");
            netsuite.put("consumer_secret", "\"${NETSUITE_CONSUMER_SECRET}\"");
            netsuite.put("token_id", "\"${NETSUITE_TOKEN_ID}\"");
            netsuite.put("token_secret", "\"${NETSUITE_TOKEN_SECRET}\"");
            Path file = context.folder().resolve("nsbridge.yaml");
            Files.writeString(file, configText.apply(netsuite));
            context.workspace(Workspace.open(file, context.environment(), Clock.systemUTC()));
            context.out().println("sandbox NetSuite " + sandbox.accountId() + " at " + sandbox.baseUrl() + ": "
                    + sandbox.account().rowCount("customer") + " customers, " + sandbox.account()
                    .rowCount("transaction") + " transactions");
            context.out().println("config    " + file + " (credentials as ${NETSUITE_*}, held in memory)");
            context.out().println("warehouse " + context.warehouse());
            context.workspace().config().extracts().values().forEach(extract -> context.out().printf(
                    "  %-25s %-16s %-12s -> %s%n", extract.name(), extract.loadMethod().wireName(),
                    extract.mode().wireName(), extract.destinationTable()));
        });
    }

    private static DemoStep run(String title, Function<DemoContext, RunListener> progress,
                                BiConsumer<DemoContext, List<ExtractOutcome>> summary) {
        return step(title, context -> {
            List<ExtractOutcome> outcomes;
            try (ExtractSession session = new ExtractSession(context.workspace())) {
                outcomes = session.runner().run(ExtractRequest.ALL, progress.apply(context));
            }
            context.addRun(outcomes);
            summary.accept(context, outcomes);
            if (!outcomes.stream().allMatch(ExtractOutcome::succeeded)) {
                throw new IllegalStateException("an extract failed; see its error above");
            }
        });
    }

    private static DemoStep simulate(int changes) {
        return step("Activity: the sandbox account changes as a live one does between two syncs", context -> {
            ActivityReport report = context.sandbox().account().simulateActivity(changes);
            Map<String, Integer> activity = new LinkedHashMap<>();
            report.inserted().forEach((table, count) -> activity.put(table + " inserted", count));
            report.updated().forEach((table, count) -> activity.put(table + " updated", count));
            report.deleted().forEach((table, count) -> activity.put(table + " deleted", count));
            context.activity(activity);
            activity.forEach((change, count) -> context.out().printf("  %-32s %,6d%n", change, count));
        });
    }

    static DemoStep step(String title, Body body) {
        return new DemoStep() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public void run(DemoContext context) throws Exception {
                body.run(context);
            }
        };
    }

    /** A step's body. */
    @FunctionalInterface
    interface Body {
        void run(DemoContext context) throws Exception;
    }
}
