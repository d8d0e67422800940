package dev.nsbridge.app.pipeline;

import java.util.Objects;

/**
 * What a retry did for one pipeline.
 *
 * @param pipeline  the pipeline (a flow: extracts cannot send stored rows again)
 * @param attempted open errors sent again
 * @param resolved  of those, accepted this time: they leave the open list
 * @param stillOpen refused again, with the destination's new reason
 */
public record RetryReport(String pipeline, int attempted, int resolved, int stillOpen) {
    public RetryReport {
        Objects.requireNonNull(pipeline, "pipeline");
    }
}
