package dev.nsbridge.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.app.Workspace;
import dev.nsbridge.app.extract.ExtractOutcome;
import dev.nsbridge.app.extract.ExtractRequest;
import dev.nsbridge.app.extract.ExtractSession;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.app.flow.FlowRun;
import dev.nsbridge.app.flow.FlowRunReport;
import dev.nsbridge.app.flow.FlowRunner;
import dev.nsbridge.app.pipeline.PipelineCatalog;
import dev.nsbridge.engine.run.RunListener;
import dev.nsbridge.engine.run.RunOptions;
import dev.nsbridge.engine.store.Stores;
import dev.nsbridge.spi.source.ReadRequest.Window;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nsbridge run}: runs extracts now, with a live progress bar per table and a summary of each; and flows named
 * here, with {@code --dry-run} to see their exact payloads and {@code --limit} to send only a few.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the named extracts (default: every enabled one) into their warehouse tables,",
            "and the named flows (--dry-run shows what they would send, --limit N sends only N records)."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, defaultValue = "nsbridge.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Mixin
    PlaintextSecretsOption secrets;

    @Parameters(arity = "0..*", paramLabel = "PIPELINE", description = "Extracts or flows to run, by name.")
    List<String> extracts = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Option(names = "--full-refresh", description = "Read everything and rebuild the tables, ignoring watermarks.")
    boolean fullRefresh;

    @Option(names = "--backfill-from", paramLabel = "DATE",
            description = "With --backfill-to: re-read one extract's rows changed on these days (UTC, both"
                    + " inclusive), leaving its watermark.")
    LocalDate backfillFrom;

    @Option(names = "--backfill-to", paramLabel = "DATE", description = "The last day of the backfill, inclusive.")
    LocalDate backfillTo;

    @Option(names = "--dry-run", description = "Flows: read and show the exact payloads (method, path, body) of the"
            + " first records, send nothing (default: " + PipelineCatalog.DRY_RUN_RECORDS + " records).")
    boolean dryRun;

    @Option(names = "--limit", paramLabel = "N", description = "Flows: stop after N records; the watermark stays.")
    Long limit;

    @Override
    public Integer call() {
        Optional<Window> backfill = backfill();
        Workspace workspace = Workspaces.open(spec, config, secrets.loadOptions());
        List<String> flows = extracts.stream().filter(workspace.config().flows()::containsKey).toList();
        List<String> named = extracts.stream().filter(name -> !flows.contains(name)).toList();
        RunOptions flowOptions = flowOptions(flows, named);
        PrintWriter out = spec.commandLine().getOut();
        RunListener progress = json ? RunListener.NONE : ProgressDisplay.forStandardError(spec.commandLine().getErr());
        List<ExtractOutcome> outcomes = List.of();
        if (flows.isEmpty() || !named.isEmpty()) {
            try (ExtractSession session = new ExtractSession(workspace)) {
                outcomes = session.runner().run(new ExtractRequest(named, fullRefresh, backfill), progress);
            }
        }
        List<FlowRun> flowRuns = new ArrayList<>();
        if (!flows.isEmpty()) {
            try (Stores stores = workspace.stores()) {
                FlowRunner runner = new FlowRunner(new PipelineCatalog(workspace, stores));
                flows.forEach(flow -> flowRuns.add(runner.run(flow, flowOptions, progress)));
            }
        }
        boolean passed = outcomes.stream().allMatch(ExtractOutcome::succeeded)
                && flowRuns.stream().allMatch(FlowRun::succeeded);
        if (json) {
            ObjectNode root = RunSummary.json(new ObjectMapper(), outcomes).put("passed", passed);
            flowRuns.forEach(run -> root.withArray("flows").add(FlowRunReport.json(run)));
            out.println(root);
        } else {
            if (!outcomes.isEmpty()) {
                RunSummary.print(out, outcomes);
            }
            flowRuns.forEach(run -> FlowRunReport.text(run, out));
        }
        out.flush();
        return passed ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** {@code --dry-run} and {@code --limit} are the flows' rehearsal; extracts rehearse against a test warehouse. */
    private RunOptions flowOptions(List<String> flows, List<String> named) {
        if ((dryRun || limit != null) && (flows.isEmpty() || !named.isEmpty())) {
            throw new ParameterException(spec.commandLine(), "--dry-run and --limit apply to flows; name only flows"
                    + " with them");
        }
        if (limit != null && limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be 1 or more");
        }
        return PipelineCatalog.runOptions(dryRun, limit == null ? OptionalLong.empty() : OptionalLong.of(limit));
    }

    private Optional<Window> backfill() {
        if ((backfillFrom == null) != (backfillTo == null)) {
            throw new ParameterException(spec.commandLine(), "--backfill-from and --backfill-to go together");
        }
        if (backfillFrom == null) {
            return Optional.empty();
        }
        if (fullRefresh) {
            throw new ParameterException(spec.commandLine(), "a backfill and --full-refresh exclude each other");
        }
        if (backfillTo.isBefore(backfillFrom)) {
            throw new ParameterException(spec.commandLine(), "--backfill-to " + backfillTo + " is before"
                    + " --backfill-from " + backfillFrom);
        }
        return Optional.of(new Window(backfillFrom.atStartOfDay().toInstant(ZoneOffset.UTC),
                backfillTo.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
    }
}
