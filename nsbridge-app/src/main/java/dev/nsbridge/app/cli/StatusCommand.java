package dev.nsbridge.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.app.Workspace;
import dev.nsbridge.app.extract.CommittedStates;
import dev.nsbridge.app.flow.FlowStanding;
import dev.nsbridge.app.extract.ExtractOutcome;
import dev.nsbridge.app.extract.ExtractSession;
import dev.nsbridge.engine.config.ExtractConfig;
import dev.nsbridge.engine.store.RunRecord;
import dev.nsbridge.spi.state.State;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nsbridge status}: where each extract stands: its last run, its watermark, its next scheduled run. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows each extract's last run, rows, watermark and next scheduled run,",
            "and each flow's phase (live or test), last run and open record errors."})
public final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, defaultValue = "nsbridge.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Mixin
    PlaintextSecretsOption secrets;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    /** One extract's standing. */
    record Standing(ExtractConfig extract, Optional<RunRecord> lastRun, State state, Optional<Instant> nextRun) {
    }

    @Override
    public Integer call() {
        Workspace workspace = Workspaces.openForLocalState(spec, config, secrets.loadOptions());
        List<Standing> standings = new ArrayList<>();
        List<FlowStanding> flows;
        try (ExtractSession session = new ExtractSession(workspace)) {
            flows = FlowStanding.all(workspace, session.stores());
            CommittedStates states = session.committedStates();
            Instant now = workspace.clock().instant();
            for (ExtractConfig extract : workspace.config().extracts().values()) {
                Optional<RunRecord> last = session.stores().history().recent(Optional.of(extract.name()), 1).stream()
                        .findFirst();
                Optional<Instant> next = extract.enabled()
                        ? extract.schedule().flatMap(schedule -> schedule.nextAfter(now)) : Optional.empty();
                standings.add(new Standing(extract, last, states.of(extract), next));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = json(new ObjectMapper(), standings);
            root.set("flows", FlowStatusReport.json(flows));
            out.println(root);
        } else {
            if (!standings.isEmpty() || flows.isEmpty()) {
                print(out, standings);
            }
            FlowStatusReport.print(out, flows);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, List<Standing> standings) {
        if (standings.isEmpty()) {
            out.println("no extracts in this configuration; add one under extracts: (nsbridge discover lists tables)");
            return;
        }
        out.printf(Locale.ROOT, "%-20s %-22s %-21s %10s %8s  %-21s %s%n", "extract", "last run", "status", "rows",
                "seconds", "next run", "watermark");
        for (Standing standing : standings) {
            Optional<RunRecord> last = standing.lastRun();
            out.printf(Locale.ROOT, "%-20s %-22s %-21s %10s %8s  %-21s %s%n", standing.extract().name(),
                    last.map(run -> run.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
                            .orElse("never"),
                    last.map(run -> run.status().wireName()).orElse("-"),
                    last.map(run -> String.format(Locale.ROOT, "%,d", run.counts().written())).orElse("-"),
                    last.map(run -> String.format(Locale.ROOT, "%.1f", run.duration().toMillis() / 1000.0)).orElse("-"),
                    standing.nextRun().map(Instant::toString).orElse(standing.extract().schedule().isEmpty()
                            ? "manual" : standing.extract().enabled() ? "-" : "disabled"),
                    ExtractOutcome.describe(standing.state()));
            last.flatMap(RunRecord::message).ifPresent(message -> out.println("  " + message));
        }
    }

    private static ObjectNode json(ObjectMapper mapper, List<Standing> standings) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode extracts = root.putArray("extracts");
        for (Standing standing : standings) {
            ObjectNode node = extracts.addObject().put("extract", standing.extract().name())
                    .put("enabled", standing.extract().enabled());
            standing.extract().schedule().ifPresent(schedule -> node.put("schedule", schedule.expression())
                    .put("timezone", schedule.zone().getId()));
            standing.nextRun().ifPresent(next -> node.put("next_run", next.toString()));
            ObjectNode state = node.putObject("state");
            standing.state().values().forEach((key, value) -> state.putPOJO(key, value));
            standing.lastRun().ifPresent(run -> {
                ObjectNode last = node.putObject("last_run").put("run_id", run.id())
                        .put("started_at", run.startedAt().toString()).put("status", run.status().wireName())
                        .put("rows_read", run.counts().read()).put("rows_written", run.counts().written())
                        .put("rows_deleted", run.counts().deleted()).put("records_refused", run.counts().errors())
                        .put("duration_ms", run.duration().toMillis());
                run.finishedAt().ifPresent(finished -> last.put("finished_at", finished.toString()));
                run.message().ifPresent(message -> last.put("message", message));
                run.errorCode().ifPresent(code -> last.put("error_code", code));
            });
        }
        return root;
    }
}
