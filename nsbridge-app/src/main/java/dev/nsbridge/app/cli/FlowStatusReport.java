package dev.nsbridge.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.app.flow.FlowStanding;
import dev.nsbridge.engine.store.RunRecord;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The flows' part of {@code nsbridge status}: live or test, last run, next run, open record errors. */
final class FlowStatusReport {
    private static final String ROW = "%-24s %-5s %-22s %-21s %8s %8s  %-21s %s%n";

    private FlowStatusReport() {
    }

    static void print(PrintWriter out, List<FlowStanding> flows) {
        if (flows.isEmpty()) {
            return;
        }
        out.println();
        out.printf(Locale.ROOT, ROW, "flow", "phase", "last run", "status", "sent", "refused", "next run",
                "open errors");
        for (FlowStanding flow : flows) {
            Optional<RunRecord> last = flow.lastRun();
            out.printf(Locale.ROOT, ROW, flow.flow().name(), flow.goLive().phase(),
                    last.map(run -> FlowCli.time(run.startedAt()) + (run.dryRun() ? " dry" : "")).orElse("never"),
                    last.map(run -> run.status().wireName()).orElse("-"),
                    last.map(run -> Long.toString(run.counts().written())).orElse("-"),
                    last.map(run -> Long.toString(run.counts().errors())).orElse("-"),
                    flow.nextRun().map(FlowCli::time).orElse(nextRunNote(flow)), flow.openErrors());
        }
    }

    private static String nextRunNote(FlowStanding flow) {
        if (!flow.goLive().live()) {
            return "after golive";
        }
        return flow.flow().schedule().isEmpty() ? "manual" : flow.flow().enabled() ? "-" : "disabled";
    }

    static ArrayNode json(List<FlowStanding> flows) {
        ArrayNode array = new ObjectMapper().createArrayNode();
        for (FlowStanding flow : flows) {
            ObjectNode node = array.addObject().put("flow", flow.flow().name()).put("type", flow.flow().type())
                    .put("phase", flow.goLive().phase()).put("enabled", flow.flow().enabled())
                    .put("open_errors", flow.openErrors());
            flow.goLive().liveSince().ifPresent(at -> node.put("live_since", at.toString()));
            flow.flow().schedule().ifPresent(schedule -> node.put("schedule", schedule.expression()));
            flow.nextRun().ifPresent(next -> node.put("next_run", next.toString()));
            flow.lastRun().ifPresent(run -> node.putObject("last_run").put("run_id", run.id())
                    .put("started_at", run.startedAt().toString()).put("status", run.status().wireName())
                    .put("dry_run", run.dryRun()).put("sent", run.counts().written())
                    .put("refused", run.counts().errors()).put("duration_ms", run.duration().toMillis()));
        }
        return array;
    }
}
