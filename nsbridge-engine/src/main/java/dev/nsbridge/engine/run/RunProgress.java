package dev.nsbridge.engine.run;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * How far a run has come, published after each batch for a progress bar.
 *
 * @param pipeline     the pipeline
 * @param runId        the run
 * @param rowsRead     rows read so far
 * @param rowsWritten  rows the destination accepted so far
 * @param rowsExpected how many rows the source expects in all, when it can tell
 * @param elapsed      time since the run started
 */
public record RunProgress(String pipeline, long runId, long rowsRead, long rowsWritten, OptionalLong rowsExpected,
                          Duration elapsed) {
}
