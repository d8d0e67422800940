package dev.nsbridge.engine.run;

import dev.nsbridge.engine.store.RunStatus;
import dev.nsbridge.spi.errors.InternalException;
import dev.nsbridge.spi.errors.NsbridgeException;

/** Classifies a failure in one place, walking the cause chain, as every boundary should. */
final class Failures {
    private Failures() {
    }

    /** The nsbridge error at the top of the cause chain, or an internal one wrapping the unexpected. */
    static NsbridgeException classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NsbridgeException known) {
                return known;
            }
        }
        return new InternalException("RUN_FAILED", "the run stopped on an unexpected " + failure.getClass()
                .getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage()),
                "report it with the log; the next run continues from the last batch written", failure);
    }

    static boolean isInterruption(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    /** A transient failure may pass on its own; anything else needs a person (credentials, config, a bug). */
    static RunStatus statusOf(NsbridgeException failure) {
        return failure.retriable() ? RunStatus.FAILED_RETRIABLE : RunStatus.FAILED;
    }

    /** The history's message: what happened and, when known, what to do. */
    static String describe(NsbridgeException failure) {
        return failure.getMessage() + failure.fix().map(fix -> "; " + fix).orElse("");
    }
}
