package dev.nsbridge.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.app.Workspace;
import dev.nsbridge.app.flow.GoLiveStatus;
import dev.nsbridge.app.pipeline.PipelineCatalog;
import dev.nsbridge.engine.config.FlowConfig;
import dev.nsbridge.engine.store.Stores;
import dev.nsbridge.spi.errors.ConfigurationException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nsbridge golive}: the go-live step. Until a flow goes live, only {@code nsbridge run} runs it and everything
 * it sends is history; once live, {@code nsbridge serve} runs it on its schedule and what happens from then on is
 * sent as live events that Klaviyo's flows react to.
 */
@Command(name = "golive", mixinStandardHelpOptions = true,
        description = {"Puts a flow live (its schedule runs it), or takes it back with --off.",
            "Without FLOW, shows which flows are live and which are still in test."})
public final class GoLiveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, defaultValue = "nsbridge.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Mixin
    PlaintextSecretsOption secrets;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FLOW", description = "A flow's name under flows:.")
    String flow;

    @Option(names = {"--off", "--pause"}, description = "Take the flow back: its schedule stops running it.")
    boolean off;

    @Option(names = "--since", paramLabel = "WHEN", description = {"When the flow went live, if not now: a day"
            + " (2024-01-31, midnight UTC) or an instant (2024-01-31T08:00:00Z).",
        "Records after it are sent as live events, so only use a past time for records Klaviyo flows may act on."})
    String since;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        Workspace workspace = Workspaces.openForLocalState(spec, config, secrets.loadOptions());
        PrintWriter out = spec.commandLine().getOut();
        try (Stores stores = workspace.stores()) {
            PipelineCatalog catalog = new PipelineCatalog(workspace, stores);
            if (flow == null) {
                if (off || since != null) {
                    throw new ConfigurationException("GOLIVE_NO_FLOW", "--off and --since need a flow",
                            "name the flow: nsbridge golive FLOW");
                }
                List<GoLiveStatus> all = new ArrayList<>();
                workspace.config().flows().keySet().forEach(name -> all.add(catalog.phase(name)));
                print(out, workspace, all, false);
                return ExitCodes.OK;
            }
            Instant now = workspace.clock().instant();
            GoLiveStatus status = off ? catalog.pause(flow, now) : catalog.goLive(flow, parseSince(now), now);
            print(out, workspace, List.of(status), true);
            return ExitCodes.OK;
        }
    }

    private Instant parseSince(Instant now) {
        if (since == null) {
            return now;
        }
        try {
            return since.length() == 10 ? LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new ConfigurationException("GOLIVE_BAD_SINCE", "--since '" + since + "' is neither a day nor an"
                    + " instant", "write 2024-01-31 or 2024-01-31T08:00:00Z");
        }
    }

    private void print(PrintWriter out, Workspace workspace, List<GoLiveStatus> statuses, boolean changed) {
        if (json) {
            ArrayNode array = new ObjectMapper().createArrayNode();
            statuses.forEach(status -> {
                ObjectNode node = array.addObject().put("flow", status.flow()).put("phase", status.phase())
                        .put("live", status.live());
                status.liveSince().ifPresent(at -> node.put("live_since", at.toString()));
                status.changedAt().ifPresent(at -> node.put("changed_at", at.toString()));
            });
            out.println(array);
        } else if (statuses.isEmpty()) {
            out.println("no flows in " + config + "; add them under flows:");
        } else {
            for (GoLiveStatus status : statuses) {
                out.println(changed ? sentence(workspace.flow(status.flow()), status) : line(status));
            }
        }
        out.flush();
    }

    private static String line(GoLiveStatus status) {
        return String.format("%-30s %-5s %s", status.flow(), status.phase(), status.live()
                ? "live since " + FlowCli.time(status.liveSince()) : status.liveSince()
                .map(at -> "paused " + FlowCli.time(status.changedAt()) + ", was live since " + FlowCli.time(at))
                .orElse("never live"));
    }

    private static String sentence(FlowConfig flow, GoLiveStatus status) {
        if (status.live()) {
            return "flow " + flow.name() + " is live since " + FlowCli.time(status.liveSince()) + "; "
                    + flow.schedule().map(schedule -> "nsbridge serve runs it on its schedule")
                    .orElse("it has no schedule, so it runs when you run it") + (flow.enabled() ? ""
                    : " (enabled: false holds the schedule back)");
        }
        return "flow " + flow.name() + " is back in test: its schedule no longer runs it; nsbridge run still does,"
                + " sending everything as history";
    }
}
