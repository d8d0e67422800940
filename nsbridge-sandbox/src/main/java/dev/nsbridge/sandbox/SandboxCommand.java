package dev.nsbridge.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.sandbox.klaviyo.KlaviyoSandbox;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sandbox}: starts a local NetSuite, prints its startup line (URLs and credentials), runs until stopped. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Starts a local NetSuite and a local Klaviyo that behave like the real ones, and prints how to"
                + " reach them as one line of JSON.")
public final class SandboxCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8089", description = "Port; 0 takes a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--account", defaultValue = "1234567_SB1", description = "Account id (default: ${DEFAULT-VALUE}).")
    String account;

    @Option(names = "--seed", defaultValue = "42", description = "Data generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scale", defaultValue = "1.0",
            description = "1 is about 1,000 customers and 5,000 sales orders (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--timezone", defaultValue = "America/Los_Angeles",
            description = "The NetSuite user's time zone (default: ${DEFAULT-VALUE}).")
    String timeZone;

    @Option(names = "--concurrency-limit", defaultValue = "5",
            description = "Requests in flight before 429 (default: ${DEFAULT-VALUE}).")
    int concurrencyLimit;

    @Option(names = "--latency-ms", defaultValue = "0", description = "Added to every answer, in milliseconds.")
    long latencyMs;

    @Option(names = "--latency-per-row-ms", defaultValue = "0",
            description = "Added per SuiteQL row, in milliseconds (fractions allowed).")
    double latencyPerRowMs;

    @Option(names = "--fault-5xx", defaultValue = "0", description = "Share of requests answered 500 (0..1).")
    double fault5xx;

    @Option(names = "--fault-429", defaultValue = "0", description = "Share of requests answered 429 (0..1).")
    double fault429;

    @Option(names = "--fault-slow", defaultValue = "0", description = "Share of requests answered slowly (0..1).")
    double faultSlow;

    @Option(names = "--fault-slow-ms", defaultValue = "5000",
            description = "How much later a slow answer comes (default: ${DEFAULT-VALUE}).")
    long faultSlowMs;

    @Option(names = "--fault-drop", defaultValue = "0",
            description = "Share of connections closed with no answer (0..1).")
    double faultDrop;

    @Option(names = "--klaviyo-port", defaultValue = "8090",
            description = "Port of the local Klaviyo; 0 takes a free one, -1 starts none (default: ${DEFAULT-VALUE}).")
    int klaviyoPort;

    @Option(names = "--credentials-file",
            description = "Also write the startup line to this file (owner-only), for `nsbridge init --sandbox`.")
    Path credentialsFile;

    @Override
    public void run() {
        NetSuiteSandbox.Options options = options();
        NetSuiteSandbox.Faults faults = faults();
        if (klaviyoPort < -1 || klaviyoPort > 65_535) {
            throw invalid("--klaviyo-port must be -1 (none), 0 (any free port) or a port up to 65535, was "
                    + klaviyoPort);
        }
        NetSuiteSandbox sandbox = NetSuiteSandbox.start(options);
        KlaviyoSandbox klaviyo = klaviyoPort < 0 ? null
                : KlaviyoSandbox.start(KlaviyoSandbox.Options.defaults().withSeed(seed).withPort(klaviyoPort));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            if (klaviyo != null) {
                klaviyo.close();
            }
        }, "sandbox-shutdown"));
        sandbox.knobs()
                .latency(Duration.ofMillis(latencyMs), Duration.ofNanos(Math.round(latencyPerRowMs * 1_000_000)))
                .faults(faults);
        String line = startupLine(sandbox, klaviyo);
        if (credentialsFile != null) {
            StartupFile.write(credentialsFile, line);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(line);
        out.flush();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /** One line of JSON: {@code {"netsuite":{…},"klaviyo":{…}}}. */
    static String startupLine(NetSuiteSandbox netsuite, KlaviyoSandbox klaviyo) {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode line = (ObjectNode) json.readTree(netsuite.startupJson());
            if (klaviyo != null) {
                line.set("klaviyo", json.readTree(klaviyo.startupJson()));
            }
            return json.writeValueAsString(line);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a sandbox wrote a startup line that is not JSON", e);
        }
    }

    /** Checks every option before anything starts, so a typo never leaves a half-started sandbox. */
    NetSuiteSandbox.Options options() {
        if (port < 0 || port > 65_535) {
            throw invalid("--port must be 0..65535, was " + port);
        }
        if (!(scale > 0)) {
            throw invalid("--scale must be more than 0, was " + scale);
        }
        if (concurrencyLimit < 1) {
            throw invalid("--concurrency-limit must be at least 1, was " + concurrencyLimit);
        }
        if (latencyMs < 0 || latencyPerRowMs < 0 || faultSlowMs < 0) {
            throw invalid("latencies must be 0 or more milliseconds");
        }
        if (account == null || !account.matches("[0-9]+(_SB[0-9]+)?")) {
            throw invalid("--account must be an account id as NetSuite writes it, e.g. 1234567 or 1234567_SB1"
                    + " (upper case), was " + account);
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone);
        } catch (RuntimeException unknown) {
            throw invalid("--timezone must be a time zone id such as America/Los_Angeles, was " + timeZone);
        }
        return NetSuiteSandbox.Options.defaults().withAccountId(account).withSeed(seed).withScale(scale)
                .withHost(host).withPort(port).withTimeZone(zone).withConcurrencyLimit(concurrencyLimit);
    }

    NetSuiteSandbox.Faults faults() {
        share("--fault-5xx", fault5xx);
        share("--fault-429", fault429);
        share("--fault-slow", faultSlow);
        share("--fault-drop", faultDrop);
        if (fault5xx + fault429 + faultDrop > 1.0) {
            throw invalid("--fault-5xx, --fault-429 and --fault-drop together may not exceed 1");
        }
        return new NetSuiteSandbox.Faults(fault5xx, fault429, faultSlow, Duration.ofMillis(faultSlowMs), faultDrop);
    }

    private void share(String option, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw invalid(option + " is a share of requests and must lie in 0..1, was " + value);
        }
    }

    private ParameterException invalid(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
