package dev.nsbridge.sandbox;

import picocli.CommandLine;

/** Runs {@link SandboxCommand} on its own, so a benchmark can start the sandbox as a separate JVM. */
public final class SandboxMain {
    private SandboxMain() {
    }

    public static void main(String[] args) {
        int exitCode = new CommandLine(new SandboxCommand()).execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }
}
