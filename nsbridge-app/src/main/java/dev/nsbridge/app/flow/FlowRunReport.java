package dev.nsbridge.app.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.engine.run.RunResult;
import dev.nsbridge.flows.delivery.DryRunPayload;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * What {@code nsbridge run FLOW} prints: the counts of a run, and for a dry run every payload exactly as it would
 * have been sent (method, path, body), so a person can check the mapping before anything leaves. Payloads hold no
 * secret: credentials travel only in headers, which are not shown.
 */
public final class FlowRunReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FlowRunReport() {
    }

    public static void text(FlowRun run, PrintWriter out) {
        RunResult result = run.result();
        String seconds = String.format(Locale.ROOT, "%.1f s", result.duration().toMillis() / 1000.0);
        if (run.dryRun()) {
            out.println("dry run of flow " + result.pipeline() + ": " + result.counts().read() + " record(s) read, "
                    + run.payloads().size() + " payload(s) built, nothing sent (" + seconds + ")");
            for (DryRunPayload payload : run.payloads()) {
                out.println();
                out.println("# record " + payload.recordKey());
                out.println(payload.method() + " " + payload.target());
                out.println(payload.body());
            }
        } else {
            out.println("flow " + result.pipeline() + ": " + result.status().wireName() + ", read "
                    + result.counts().read() + ", sent " + result.counts().written() + ", refused "
                    + result.counts().errors() + " in " + seconds + " (run " + result.runId() + ")");
            if (result.counts().warnings() > 0) {
                out.println("  " + result.counts().warnings() + " sent with a warning (a field left out): nsbridge"
                        + " errors " + result.pipeline() + " --kind warning");
            }
            if (result.counts().errors() > 0) {
                out.println("  the refused records are kept: nsbridge errors " + result.pipeline());
            }
        }
        result.failure().ifPresent(failure -> out.println("  failed [" + failure.code() + "]: "
                + failure.getMessage() + failure.fix().map(fix -> "\n  fix: " + fix).orElse("")));
        out.flush();
    }

    public static ObjectNode json(FlowRun run) {
        RunResult result = run.result();
        ObjectNode root = JSON.createObjectNode().put("flow", result.pipeline())
                .put("run_id", result.runId()).put("status", result.status().wireName()).put("dry_run", run.dryRun())
                .put("read", result.counts().read()).put("sent", result.counts().written())
                .put("refused", result.counts().errors()).put("warnings", result.counts().warnings())
                .put("duration_ms", result.duration().toMillis());
        result.failure().ifPresent(failure -> root.putObject("failure").put("code", failure.code())
                .put("message", failure.getMessage()).put("fix", failure.fix().orElse(null)));
        if (run.dryRun()) {
            ArrayNode payloads = root.putArray("payloads");
            for (DryRunPayload payload : run.payloads()) {
                payloads.addObject().put("record", payload.recordKey()).put("method", payload.method())
                        .put("path", payload.target()).set("body", body(payload.body()));
            }
        }
        return root;
    }

    /** The body as JSON where it is JSON, so scripts need not parse twice; as text otherwise. */
    public static JsonNode body(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }
}
