package dev.nsbridge.app.server;

import dev.nsbridge.engine.run.Pipeline;
import dev.nsbridge.flows.delivery.DryRunRecorder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The pipelines a workspace has and how to build one to run: what the server needs of the extract and flow
 * commands, kept to one seam so the server does not care how either is wired.
 */
public interface PipelineCatalog {

    /** Every extract, then every flow, in file order. */
    List<PipelineEntry> entries();

    default Optional<PipelineEntry> entry(String name) {
        return entries().stream().filter(entry -> entry.name().equals(name)).findFirst();
    }

    /** Whether its schedule may run it: extracts always, flows once they went live. */
    boolean isLive(String name);

    /** Puts a flow live from {@code now}; answers when it went live. */
    Instant goLive(String name, Instant now);

    /** The pipeline ready to run; a dry run's payloads go to {@code recorder}. */
    Pipeline build(String name, DryRunRecorder recorder);
}
