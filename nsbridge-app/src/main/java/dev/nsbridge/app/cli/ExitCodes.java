package dev.nsbridge.app.cli;

import dev.nsbridge.spi.errors.NsbridgeException;
import picocli.CommandLine;

/** The one place where failures become exit codes: 0 ok, 1 a run or check failed, 2 bad configuration or usage. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private ExitCodes() {
    }

    public static int of(Throwable failure) {
        if (failure instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        if (failure instanceof NsbridgeException e) {
            return e.category() == NsbridgeException.Category.CONFIGURATION ? USAGE : FAILED;
        }
        return FAILED;
    }

    /** What a person sees for a failure: the message and, where known, the fix; never a stack trace. */
    public static String describe(Throwable failure) {
        if (failure instanceof NsbridgeException e) {
            return "error [" + e.code() + "]: " + e.getMessage() + e.fix().map(fix -> "\n  fix: " + fix).orElse("");
        }
        return "error: " + failure;
    }
}
