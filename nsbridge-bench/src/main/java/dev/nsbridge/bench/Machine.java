package dev.nsbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the numbers were measured, since they mean little without it.
 *
 * @param cpu    the processor's model name
 * @param cores  processors available to the JVM
 * @param memory total memory, e.g. {@code 23.4 GiB}
 * @param jdk    the Java runtime
 * @param os     the operating system
 */
record Machine(String cpu, int cores, String memory, String jdk, String os) {
    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");
    private static final Path MEM_INFO = Path.of("/proc/meminfo");
    private static final Path LOAD = Path.of("/proc/loadavg");

    static Machine current() {
        String cpu = firstValue(CPU_INFO, "model name").orElse(System.getProperty("os.arch"));
        String memory = firstValue(MEM_INFO, "MemTotal")
                .map(kb -> String.format("%.1f GiB", Long.parseLong(kb.replace("kB", "").trim()) / 1024.0 / 1024.0))
                .orElse("unknown");
        return new Machine(cpu, Runtime.getRuntime().availableProcessors(), memory,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    /** The 1-, 5- and 15-minute load averages, as the kernel reports them; other engineers share this machine. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(LOAD).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | RuntimeException unreadable) {
            return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }

    private static Optional<String> firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }
}
