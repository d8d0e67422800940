package dev.nsbridge.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of this module in a fresh JVM with the benchmark's own classpath, and hands back the one line
 * it prints starting with {@link #RESULT}. A fresh JVM per measurement means no run inherits another's heap,
 * compiled code or DuckDB instance.
 */
final class ChildJvm {
    static final String RESULT = "RESULT ";
    private static final long TIME_LIMIT_MINUTES = 30;

    private ChildJvm() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String classPath() {
        return System.getProperty("java.class.path");
    }

    /** Runs {@code mainClass} with {@code jvmOptions} and {@code arguments}; its stderr goes to {@code log}. */
    static String run(List<String> jvmOptions, Class<?> mainClass, List<String> arguments,
                      Map<String, String> environment, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath(), mainClass.getName()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        Optional<String> result = Optional.empty();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(RESULT)) {
                    result = Optional.of(line.substring(RESULT.length()));
                }
            }
        }
        if (!process.waitFor(TIME_LIMIT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(mainClass.getSimpleName() + " ran past " + TIME_LIMIT_MINUTES + " minutes");
        }
        if (process.exitValue() != 0 || result.isEmpty()) {
            throw new IllegalStateException(mainClass.getSimpleName() + " " + arguments + " failed (exit "
                    + process.exitValue() + "); see " + log);
        }
        return result.get();
    }
}
