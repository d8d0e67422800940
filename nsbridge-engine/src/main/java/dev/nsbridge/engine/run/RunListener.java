package dev.nsbridge.engine.run;

/** Hears a run's progress: the CLI's progress bar, the web UI. Called on the run's thread; keep it quick. */
public interface RunListener {
    RunListener NONE = new RunListener() {
    };

    default void started(String pipeline, long runId) {
    }

    default void progressed(RunProgress progress) {
    }

    default void finished(RunResult result) {
    }
}
