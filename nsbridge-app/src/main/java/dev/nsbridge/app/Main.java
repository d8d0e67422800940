package dev.nsbridge.app;

import dev.nsbridge.app.cli.ExitCodes;
import dev.nsbridge.app.cli.RootCommand;
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
        commandLine.setExecutionExceptionHandler((failure, line, parseResult) -> {
            line.getErr().println(ExitCodes.describe(failure));
            return ExitCodes.of(failure);
        });
        return commandLine.execute(args);
    }
}
