package dev.nsbridge.app;

import dev.nsbridge.app.cli.ExitCodes;
import dev.nsbridge.app.cli.RootCommand;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of the {@code nsbridge} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and answers its exit code; tests call this in-process. */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new RootCommand());
        // Java 17 writes stdout in the locale's charset, and a POSIX locale (containers, cron, CI) makes that ASCII:
        // every name beyond it would print as '?'. Terminals today read UTF-8, so nsbridge writes UTF-8 whatever the
        // locale, as `nsbridge serve` does for its own output.
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        commandLine.setExecutionExceptionHandler((failure, line, parseResult) -> {
            line.getErr().println(ExitCodes.describe(failure));
            return ExitCodes.of(failure);
        });
        return commandLine.execute(args);
    }
}
