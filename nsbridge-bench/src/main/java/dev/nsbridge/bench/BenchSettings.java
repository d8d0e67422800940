package dev.nsbridge.bench;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The benchmark's knobs, each with the default the documented results use. Arguments are {@code --name value}.
 *
 * @param scale            the sandbox's generator scale; 30 gives about 1.07M transaction lines
 * @param latencyMs        added by the sandbox to every answer: the page latency the ceiling is computed from
 * @param concurrencyLimit the account's concurrency limit, and (reserve 0) the extract's budget
 * @param pagerRows        the slice the sequential pager reads; its rate is extrapolated to the whole table
 * @param smallRows        the smaller heap run
 * @param largeRows        the larger heap run
 * @param loadRows         rows each destination's bulk path takes alone
 * @param childHeap        -Xmx of every extract JVM, the same for both heap runs
 * @param sandboxHeap      -Xmx of the sandbox JVM, which holds the generated account
 * @param doc              the Markdown file whose results section is rewritten; empty to only print
 */
record BenchSettings(double scale, long latencyMs, int concurrencyLimit, long pagerRows, long smallRows,
                     long largeRows, long loadRows, String childHeap, String sandboxHeap, Optional<Path> doc) {

    static BenchSettings defaults() {
        return new BenchSettings(30, 300, 5, 120_000, 100_000, 1_000_000, 1_000_000, "512m", "6g",
                Optional.of(Path.of("docs/BENCHMARKS.md")));
    }

    /** Rows per second the budget allows at this latency: limit × 1000-row pages ÷ page latency. */
    double ceilingRowsPerSecond() {
        return concurrencyLimit * 1000.0 / (latencyMs / 1000.0);
    }

    static BenchSettings parse(String[] args) {
        BenchSettings settings = defaults();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            settings = settings.with(args[i], args[i + 1]);
        }
        return settings;
    }

    private BenchSettings with(String name, String value) {
        BenchSettings s = this;
        return switch (name) {
            case "--scale" -> new BenchSettings(Double.parseDouble(value), s.latencyMs, s.concurrencyLimit,
                    s.pagerRows, s.smallRows, s.largeRows, s.loadRows, s.childHeap, s.sandboxHeap, s.doc);
            case "--latency-ms" -> new BenchSettings(s.scale, Long.parseLong(value), s.concurrencyLimit,
                    s.pagerRows, s.smallRows, s.largeRows, s.loadRows, s.childHeap, s.sandboxHeap, s.doc);
            case "--concurrency-limit" -> new BenchSettings(s.scale, s.latencyMs, Integer.parseInt(value),
                    s.pagerRows, s.smallRows, s.largeRows, s.loadRows, s.childHeap, s.sandboxHeap, s.doc);
            case "--pager-rows" -> new BenchSettings(s.scale, s.latencyMs, s.concurrencyLimit, Long.parseLong(value),
                    s.smallRows, s.largeRows, s.loadRows, s.childHeap, s.sandboxHeap, s.doc);
            case "--small-rows" -> new BenchSettings(s.scale, s.latencyMs, s.concurrencyLimit, s.pagerRows,
                    Long.parseLong(value), s.largeRows, s.loadRows, s.childHeap, s.sandboxHeap, s.doc);
            case "--large-rows" -> new BenchSettings(s.scale, s.latencyMs, s.concurrencyLimit, s.pagerRows,
                    s.smallRows, Long.parseLong(value), s.loadRows, s.childHeap, s.sandboxHeap, s.doc);
            case "--load-rows" -> new BenchSettings(s.scale, s.latencyMs, s.concurrencyLimit, s.pagerRows,
                    s.smallRows, s.largeRows, Long.parseLong(value), s.childHeap, s.sandboxHeap, s.doc);
            case "--child-heap" -> new BenchSettings(s.scale, s.latencyMs, s.concurrencyLimit, s.pagerRows,
                    s.smallRows, s.largeRows, s.loadRows, value, s.sandboxHeap, s.doc);
            case "--doc" -> new BenchSettings(s.scale, s.latencyMs, s.concurrencyLimit, s.pagerRows, s.smallRows,
                    s.largeRows, s.loadRows, s.childHeap, s.sandboxHeap,
                    value.equals("none") ? Optional.empty() : Optional.of(Path.of(value)));
            default -> throw new IllegalArgumentException("unknown option " + name + "; the options are --scale,"
                    + " --latency-ms, --concurrency-limit, --pager-rows, --small-rows, --large-rows, --load-rows,"
                    + " --child-heap and --doc (a path, or none)");
        };
    }
}
