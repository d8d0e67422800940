package dev.nsbridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.spi.secret.Secret;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The sandbox NetSuite in its own JVM, so the generated account's rows never count in the extractor's heap or
 * compete with it for the collector. Bound to 127.0.0.1 on a free port; stopped on close.
 */
final class SandboxProcess implements AutoCloseable {
    /** Generating ~1M transaction lines takes about a minute on a quiet machine; give a busy one room. */
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(10);

    private final Process process;
    private final SandboxAccess access;

    private SandboxProcess(Process process, SandboxAccess access) {
        this.process = process;
        this.access = access;
    }

    record Settings(double scale, long latencyMs, int concurrencyLimit, String maxHeap) {
    }

    static SandboxProcess start(Settings settings, Path log) throws IOException, InterruptedException {
        List<String> command = List.of(ChildJvm.java(), "-Xmx" + settings.maxHeap(), "-cp", ChildJvm.classPath(),
                "dev.nsbridge.sandbox.SandboxMain", "--host", "127.0.0.1", "--port", "0",
                "--scale", Double.toString(settings.scale()), "--latency-ms", Long.toString(settings.latencyMs()),
                "--concurrency-limit", Integer.toString(settings.concurrencyLimit()), "--klaviyo-port", "-1");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        try {
            String line = firstLine(process).get(STARTUP_LIMIT.toSeconds(), TimeUnit.SECONDS);
            if (line == null) {
                throw new IllegalStateException("the sandbox stopped before it started; see " + log);
            }
            return new SandboxProcess(process, parse(line));
        } catch (ExecutionException | TimeoutException | RuntimeException failure) {
            process.destroyForcibly();
            throw new IllegalStateException("the sandbox did not start within " + STARTUP_LIMIT + "; see " + log,
                    failure);
        }
    }

    SandboxAccess access() {
        return access;
    }

    private static CompletableFuture<String> firstLine(Process process) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8));
                String line = out.readLine();
                // Keep draining, so the sandbox never blocks on a full pipe.
                Thread drain = new Thread(() -> drain(out), "sandbox-stdout");
                drain.setDaemon(true);
                drain.start();
                return line;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // discarded: the sandbox prints nothing else the benchmark needs
            }
        } catch (IOException ignored) {
            // the sandbox was stopped
        }
    }

    private static SandboxAccess parse(String line) throws IOException {
        JsonNode netsuite = new ObjectMapper().readTree(line).path("netsuite");
        JsonNode tba = netsuite.path("tba");
        URI baseUrl = URI.create(netsuite.path("baseUrl").asText());
        if (!"127.0.0.1".equals(baseUrl.getHost())) {
            throw new IllegalStateException("the benchmark only talks to 127.0.0.1, but the sandbox is at " + baseUrl);
        }
        return new SandboxAccess(baseUrl, netsuite.path("accountId").asText(),
                netsuite.path("timeZone").asText(), Secret.of(tba.path("consumerKey").asText()),
                Secret.of(tba.path("consumerSecret").asText()), Secret.of(tba.path("tokenId").asText()),
                Secret.of(tba.path("tokenSecret").asText()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
