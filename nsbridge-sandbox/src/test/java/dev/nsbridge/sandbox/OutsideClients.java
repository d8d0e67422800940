package dev.nsbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs the Node scripts in {@code src/test/node}: npm clients written elsewhere (Klaviyo's SDK, netsuite-rest,
 * oauth-1.0a), pinned by the committed {@code package-lock.json}, against a sandbox. Installs them with
 * {@code npm ci} the first time (or when the lock file changed), so {@code mvn verify} needs no step before it. Each
 * script prints one JSON line per check; each line becomes one test named by the operation it called.
 */
public final class OutsideClients {
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;
    private final Path output;

    private OutsideClients(Path folder, Path output) {
        this.folder = folder;
        this.output = output;
    }

    /** The harness of this module, installed and ready to run. */
    public static OutsideClients installed() {
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        OutsideClients clients = new OutsideClients(module.resolve("src/test/node"),
                module.resolve("target/outside-clients"));
        clients.install();
        return clients;
    }

    /**
     * One check a script made: the operation it called, what it expected of the answer, and the answer.
     *
     * @param facts what the script read, for the test to compare with the sandbox's own store
     */
    public record Check(String operation, String expectation, boolean ok, Integer status, String answer,
                        JsonNode facts) {
        public String name() {
            return operation + ": " + expectation;
        }

        /** Fails naming the operation, the status and the answer, unless the check held. */
        public void assertHeld() {
            assertThat(ok).withFailMessage("%s%n  %s%n  answered %s: %s", operation, expectation,
                    status == null ? "(no status)" : status, answer).isTrue();
        }

        public String fact(String name) {
            JsonNode value = facts.path(name);
            return value.isMissingNode() || value.isNull() ? null : value.asText();
        }
    }

    /** What one run of a script printed. */
    public record Run(String script, int exitCode, List<Check> checks, String otherOutput) {
        /** One test per check, then one that the script itself ran to its end. */
        public Stream<DynamicTest> tests() {
            Stream<DynamicTest> each = checks.stream().map(check -> DynamicTest.dynamicTest(check.name(),
                    check::assertHeld));
            DynamicTest ended = DynamicTest.dynamicTest(script + " ran to its end", () ->
                    assertThat(exitCode).withFailMessage("%s exited with %d after %d checks:%n%s", script, exitCode,
                            checks.size(), otherOutput).isZero());
            return Stream.concat(each, Stream.of(ended));
        }

        /** The first check of an operation whose expectation starts with the given words. */
        public Check check(String operation, String expectationStart) {
            return checks.stream().filter(check -> check.operation().equals(operation)
                            && check.expectation().startsWith(expectationStart)).findFirst()
                    .orElseThrow(() -> new AssertionError(script + " made no check '" + expectationStart + "' of "
                            + operation));
        }
    }

    /** Runs {@code node <script>} with the given environment (credentials, URLs) added to this one's. */
    public Run run(String script, Map<String, String> environment) {
        Path stdout = output.resolve(script + ".out");
        Path stderr = output.resolve(script + ".err");
        ProcessBuilder builder = new ProcessBuilder("node", script).directory(folder.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        int exitCode = await(builder, RUN_TIMEOUT, "node " + script);
        List<Check> checks = new ArrayList<>();
        StringBuilder other = new StringBuilder();
        for (String line : lines(stdout)) {
            JsonNode parsed = parse(line);
            if (parsed.hasNonNull("operation") && parsed.hasNonNull("expectation")) {
                checks.add(new Check(parsed.get("operation").asText(), parsed.get("expectation").asText(),
                        parsed.path("ok").asBoolean(false),
                        parsed.path("status").isInt() ? parsed.get("status").asInt() : null,
                        parsed.path("answer").asText(""), parsed.path("facts")));
            } else {
                other.append(line).append('\n');
            }
        }
        lines(stderr).forEach(line -> other.append(line).append('\n'));
        return new Run(script, exitCode, List.copyOf(checks), other.toString());
    }

    /** The version npm installed of a package, as the lock file pins it. */
    public String lockedVersion(String packageName) {
        JsonNode lock = read(folder.resolve("package-lock.json"));
        return lock.path("packages").path("node_modules/" + packageName).path("version").asText(null);
    }

    /** The version the harness's package.json asks for. */
    public String declaredVersion(String packageName) {
        return read(folder.resolve("package.json")).path("dependencies").path(packageName).asText(null);
    }

    /**
     * {@code npm ci} when node_modules is missing or older than the lock file. npm writes its own record of what it
     * installed, {@code node_modules/.package-lock.json}; its age against the committed lock tells the two apart.
     */
    private void install() {
        try {
            Files.createDirectories(output);
            Path installed = folder.resolve("node_modules/.package-lock.json");
            FileTime locked = Files.getLastModifiedTime(folder.resolve("package-lock.json"));
            if (Files.exists(installed) && Files.getLastModifiedTime(installed).compareTo(locked) >= 0) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessBuilder npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(output.resolve("npm-ci.log").toFile());
        int exitCode = await(npm, INSTALL_TIMEOUT, "npm ci");
        assertThat(exitCode).withFailMessage("npm ci in %s failed (exit %d); its output is in %s", folder, exitCode,
                output.resolve("npm-ci.log")).isZero();
    }

    private static int await(ProcessBuilder builder, Duration timeout, String what) {
        Process process;
        try {
            process = builder.start();
        } catch (IOException notFound) {
            throw new AssertionError(what + " could not start: Node.js 20 or later with npm is needed on the PATH ("
                    + notFound.getMessage() + ")", notFound);
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(what + " did not finish within " + timeout);
            }
            return process.exitValue();
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError(what + " was interrupted", interrupted);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return line.startsWith("{") ? JSON.readTree(line) : MissingNode.getInstance();
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
