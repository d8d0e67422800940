package dev.nsbridge.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.app.extract.ExtractOutcome;
import dev.nsbridge.app.ledger.LedgerDifference;
import dev.nsbridge.app.ledger.TieOut;
import dev.nsbridge.engine.run.RunResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The summary of a run of extracts: a table for people, one JSON document for scripts. */
final class RunSummary {
    private RunSummary() {
    }

    static void print(PrintWriter out, List<ExtractOutcome> outcomes) {
        out.printf(Locale.ROOT, "%-20s %-22s %-17s %-22s %10s %8s %8s  %s%n", "extract", "table", "load method",
                "status", "rows", "deleted", "seconds", "watermark");
        for (ExtractOutcome outcome : outcomes) {
            RunResult result = outcome.result();
            out.printf(Locale.ROOT, "%-20s %-22s %-17s %-22s %,10d %,8d %8.1f  %s%n", outcome.extract(),
                    outcome.table() + (outcome.table().equals(outcome.target()) ? "" : " > " + outcome.target()),
                    outcome.loadMethod().wireName(), result.status().wireName(), result.counts().written(),
                    result.counts().deleted(), result.duration().toMillis() / 1000.0,
                    ExtractOutcome.describe(result.state()));
            result.failure().ifPresent(failure -> out.println("  " + ExitCodes.describe(failure)
                    .replace("\n", "\n  ")));
            outcome.tieOut().ifPresent(tieOut -> out.println("  " + tieOut.message()));
            if (result.counts().errors() > 0) {
                out.println("  " + result.counts().errors() + " record(s) refused; they wait in the error store");
            }
            if (result.counts().warnings() > 0) {
                out.println("  " + result.counts().warnings() + " record(s) written with a warning: nsbridge errors "
                        + outcome.extract() + " --kind warning");
            }
        }
    }

    static ObjectNode json(ObjectMapper mapper, List<ExtractOutcome> outcomes) {
        ObjectNode root = mapper.createObjectNode();
        root.put("passed", outcomes.stream().allMatch(ExtractOutcome::succeeded));
        ArrayNode extracts = root.putArray("extracts");
        for (ExtractOutcome outcome : outcomes) {
            RunResult result = outcome.result();
            ObjectNode node = extracts.addObject().put("extract", outcome.extract()).put("table", outcome.table())
                    .put("destination_table", outcome.target()).put("load_method", outcome.loadMethod().wireName())
                    .put("run_id", result.runId()).put("status", result.status().wireName())
                    .put("rows_read", result.counts().read()).put("rows_written", result.counts().written())
                    .put("rows_deleted", result.counts().deleted()).put("records_refused", result.counts().errors())
                    .put("records_with_warnings", result.counts().warnings()).put("duration_ms", result.duration().toMillis());
            ObjectNode state = node.putObject("state");
            result.state().values().forEach((key, value) -> state.putPOJO(key, value));
            outcome.tieOut().ifPresent(tieOut -> tieOutJson(node.putObject("tie_out"), tieOut));
            result.failure().ifPresent(failure -> node.putObject("error").put("code", failure.code())
                    .put("message", failure.getMessage()).put("fix", failure.fix().orElse(null)));
        }
        return root;
    }

    private static void tieOutJson(ObjectNode node, TieOut tieOut) {
        node.put("balanced", tieOut.balanced()).put("groups", tieOut.groups()).put("message", tieOut.message())
                .put("lines", tieOut.warehouse().lines()).put("debit", tieOut.warehouse().debit())
                .put("credit", tieOut.warehouse().credit());
        ArrayNode differences = node.putArray("differences");
        for (LedgerDifference difference : tieOut.differences()) {
            differences.addObject().putPOJO("period", difference.group().period().orElse(null))
                    .putPOJO("subsidiary", difference.group().subsidiary().orElse(null))
                    .put("lines", difference.lines()).put("debit", difference.debit())
                    .put("credit", difference.credit());
        }
    }
}
