package dev.nsbridge.app.cli;

import dev.nsbridge.app.server.JsonLogs;
import dev.nsbridge.app.server.NsbridgeServer;
import dev.nsbridge.app.server.ServerOptions;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nsbridge serve}: the go-live step's server. Runs the schedules of live pipelines, the REST API and the web
 * UI until stopped (Ctrl-C or SIGTERM), then lets runs under way finish their batch.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the schedules, the REST API and the web UI in one process, behind an admin token.")
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, defaultValue = "nsbridge.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Mixin
    PlaintextSecretsOption secrets;

    @Option(names = "--host", defaultValue = ServerOptions.LOCAL,
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for all).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "The port (default: ${DEFAULT-VALUE}; 0 for any free port).")
    int port;

    @Option(names = "--reset-token", description = "Replace the admin token with a new one, shown once.")
    boolean resetToken;

    @Option(names = "--public-metrics", description = "Serve /metrics without the token (for a scraper on a trusted"
            + " network); by default /metrics needs it like the API.")
    boolean publicMetrics;

    @Option(names = "--log-format", defaultValue = "text", description = "text or json (one JSON object a line on"
            + " stderr).")
    String logFormat;

    @Override
    public Integer call() throws InterruptedException {
        if (!Files.isRegularFile(config)) {
            spec.commandLine().getErr().println("error: " + config + " does not exist; run `nsbridge init` to"
                    + " write one");
            return ExitCodes.USAGE;
        }
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            spec.commandLine().getErr().println("error: --log-format is text or json, not " + logFormat);
            return ExitCodes.USAGE;
        }
        if (logFormat.equals("json")) {
            JsonLogs.enable();
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        NsbridgeServer server = NsbridgeServer.start(config, new ServerOptions(host, port, resetToken, publicMetrics,
                secrets.loadOptions()),
                System::getenv, Clock.systemUTC(), out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "nsbridge-serve-shutdown"));
        stopped.await();
        return ExitCodes.OK;
    }
}
