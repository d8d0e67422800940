package dev.nsbridge.app.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.engine.run.RunResult;
import dev.nsbridge.engine.store.RunCounts;
import dev.nsbridge.engine.store.RunRecord;
import dev.nsbridge.engine.store.StoredError;
import dev.nsbridge.flows.delivery.DryRunPayload;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** How runs, errors and progress look in the API's JSON: explicit fields only, timestamps as UTC ISO 8601. */
final class ApiViews {
    static final ObjectMapper JSON = new ObjectMapper();

    private ApiViews() {
    }

    static ObjectNode counts(RunCounts counts) {
        return JSON.createObjectNode().put("read", counts.read()).put("written", counts.written())
                .put("deleted", counts.deleted()).put("errors", counts.errors()).put("warnings", counts.warnings());
    }

    static ObjectNode run(RunRecord run) {
        ObjectNode node = JSON.createObjectNode().put("id", run.id()).put("pipeline", run.pipeline())
                .put("status", run.status().wireName()).put("dryRun", run.dryRun())
                .put("startedAt", run.startedAt().toString());
        instant(node, "finishedAt", run.finishedAt());
        node.put("durationMs", run.duration().toMillis());
        node.set("counts", counts(run.counts()));
        ObjectNode streams = node.putObject("streams");
        run.streams().forEach((stream, counts) -> streams.set(stream, counts(counts)));
        run.message().ifPresent(message -> node.put("message", message));
        run.errorCode().ifPresent(code -> node.put("errorCode", code));
        return node;
    }

    static ObjectNode result(RunResult result) {
        ObjectNode node = JSON.createObjectNode().put("runId", result.runId()).put("pipeline", result.pipeline())
                .put("status", result.status().wireName()).put("durationMs", result.duration().toMillis());
        node.set("counts", counts(result.counts()));
        result.failure().ifPresent(failure -> node.put("message", failure.getMessage()));
        return node;
    }

    static ObjectNode error(StoredError error, boolean withPayload) {
        ObjectNode node = JSON.createObjectNode().put("id", error.id()).put("pipeline", error.pipeline())
                .put("runId", error.runId()).put("recordKey", error.error().recordKey())
                .put("kind", error.error().kind().wireName())
                .put("code", error.error().code()).put("reason", error.error().reason())
                .put("status", error.status().wireName()).put("attempts", error.attempts())
                .put("firstSeen", error.firstSeen().toString()).put("lastSeen", error.lastSeen().toString());
        instant(node, "resolvedAt", error.resolvedAt());
        if (withPayload) {
            node.put("payload", error.error().payload());
        }
        return node;
    }

    static ObjectNode active(ActiveRun run, Instant now) {
        ObjectNode node = JSON.createObjectNode().put("pipeline", run.pipeline()).put("dryRun", run.dryRun())
                .put("startedAt", run.startedAt().toString())
                .put("elapsedMs", Math.max(0, now.toEpochMilli() - run.startedAt().toEpochMilli()));
        run.runId().ifPresent(id -> node.put("runId", id));
        node.put("rowsRead", run.progress().map(p -> p.rowsRead()).orElse(0L));
        node.put("rowsWritten", run.progress().map(p -> p.rowsWritten()).orElse(0L));
        run.progress().flatMap(p -> p.rowsExpected().isPresent() ? Optional.of(p.rowsExpected().getAsLong())
                : Optional.empty()).ifPresent(expected -> node.put("rowsExpected", expected));
        return node;
    }

    static ObjectNode payload(DryRunPayload payload) {
        return JSON.createObjectNode().put("recordKey", payload.recordKey()).put("method", payload.method())
                .put("target", payload.target()).put("body", payload.body());
    }

    static ObjectNode settings(Map<String, Object> settings) {
        return JSON.valueToTree(settings);
    }

    private static void instant(ObjectNode node, String field, Optional<Instant> value) {
        if (value.isPresent()) {
            node.put(field, value.get().toString());
        } else {
            node.putNull(field);
        }
    }
}
