package dev.nsbridge.app.cli;

import dev.nsbridge.sandbox.SandboxCommand;
import picocli.CommandLine.Command;

/** {@code nsbridge}: the verbs are its subcommands. */
@Command(name = "nsbridge", mixinStandardHelpOptions = true, version = "nsbridge 0.1.0",
        description = "Keeps NetSuite tables current in your warehouse and syncs NetSuite with Klaviyo.",
        subcommands = {
                // installation and prerequisites
                InitCommand.class, CheckCommand.class, DiscoverCommand.class,
                // extracts
                RunCommand.class, StatusCommand.class,
                // trying it out
                DemoCommand.class, SandboxCommand.class})
public final class RootCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
