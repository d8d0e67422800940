package dev.nsbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The results as a Markdown section: printed, and written between the markers of docs/BENCHMARKS.md. */
final class ResultsReport {
    static final String START = "<!-- results:start (written by ExtractBenchmark; edit outside the markers) -->";
    static final String END = "<!-- results:end -->";
    static final double CEILING_TARGET = 0.90;
    static final double SPEED_UP_TARGET = 4.0;
    static final double HEAP_TARGET = 0.10;

    private ResultsReport() {
    }

    static String markdown(Results r) {
        BenchSettings s = r.settings();
        double ceiling = s.ceilingRowsPerSecond();
        double pagerRate = r.pager().rowsPerSecond();
        List<String> lines = new ArrayList<>();
        lines.add("### Results, " + r.date());
        lines.add("");
        lines.add("Machine: " + r.machine().cpu() + ", " + r.machine().cores() + " cores, " + r.machine().memory()
                + ", " + r.machine().jdk() + ", " + r.machine().os() + ". Load average (1, 5, 15 min) "
                + r.loadBefore() + " before, " + r.loadAfter() + " after (the machine is shared).");
        lines.add("");
        lines.add("Sandbox: scale " + s.scale() + " (" + n(r.tableRows()) + " transactionline rows), "
                + s.latencyMs() + " ms per answer, concurrency limit " + s.concurrencyLimit()
                + "; extract budget " + s.concurrencyLimit() + " (reserve 0). Source: `" + r.source()
                + "`. Ceiling = " + s.concurrencyLimit() + " × 1000 rows ÷ " + s.latencyMs() / 1000.0 + " s = "
                + n(ceiling) + " rows/s.");
        lines.add("");
        lines.add("| measurement | result | against | target | met |");
        lines.add("|---|---|---|---|---|");
        extract(lines, "DuckDB", r.duckDb(), ceiling, pagerRate, s.concurrencyLimit());
        extract(lines, "PostgreSQL", r.postgres(), ceiling, pagerRate, s.concurrencyLimit());
        lines.add("| Sequential offset pager, first " + n(r.pager().rows()) + " rows (" + r.pager().restarts()
                + " restart at the 100,000 cap) | " + n(pagerRate) + " rows/s, " + ms(pageMillis(r.pager()))
                + " per page; 1M rows ≈ " + Math.round(1_000_000 / pagerRate) + " s (extrapolated) | "
                + pct(pagerRate / ceiling) + " of ceiling | baseline | |");
        lines.add("| Peak live heap, " + n(r.heapSmall().rows()) + " rows (DuckDB, -Xmx" + s.childHeap() + ") | "
                + heap(r.heapSmall()) + " | | | |");
        lines.add("| Peak live heap, " + n(r.heapLarge().rows()) + " rows (DuckDB, -Xmx" + s.childHeap() + ") | "
                + heap(r.heapLarge()) + " | "
                + signedPct(r.heapGrowth()) + " vs " + n(r.heapSmall().rows()) + " rows | within ±10% | "
                + met(Math.abs(r.heapGrowth()) <= HEAP_TARGET) + " |");
        load(lines, "DuckDB", r.duckDbLoad(), r.duckDb());
        load(lines, "PostgreSQL", r.postgresLoad(), r.postgres());
        return String.join("\n", lines) + "\n";
    }

    private static void extract(List<String> lines, String warehouse, ExtractOutcome outcome, double ceiling,
                                double pagerRate, int budget) {
        double rate = outcome.rowsPerSecond();
        lines.add("| Extract → " + warehouse + ", " + n(outcome.rows()) + " rows, full load | " + n(rate)
                + " rows/s (" + String.format(Locale.ROOT, "%.1f", outcome.seconds()) + " s); "
                + String.format(Locale.ROOT, "%.2f", outcome.meanInFlight()) + " of " + budget
                + " requests in flight on average, " + ms(outcome.requestMillis()) + " per request | "
                + pct(rate / ceiling) + " of ceiling | ≥ 90% | " + met(rate / ceiling >= CEILING_TARGET) + " |");
        lines.add("| Speed-up, extract → " + warehouse + " vs sequential pager | "
                + String.format(Locale.ROOT, "%.1f×", rate / pagerRate) + " | | ≥ 4× | "
                + met(rate / pagerRate >= SPEED_UP_TARGET) + " |");
    }

    private static void load(List<String> lines, String warehouse, DestinationLoad.Outcome load,
                             ExtractOutcome extract) {
        lines.add("| " + warehouse + " bulk path alone, " + n(load.rows()) + " generated rows | "
                + n(load.rowsPerSecond()) + " rows/s (" + String.format(Locale.ROOT, "%.1f", load.seconds())
                + " s) | " + String.format(Locale.ROOT, "%.1f×", load.rowsPerSecond() / extract.rowsPerSecond())
                + " the extract's rate | | |");
    }

    /** Replaces the section between the markers, or appends one when the file has none yet. */
    static void writeInto(Path doc, String section) throws IOException {
        writeBetween(doc, START, END, section);
    }

    /** Replaces the section between the markers {@code start} and {@code end}, or appends one when there is none. */
    static void writeBetween(Path doc, String start, String end, String section) throws IOException {
        String text = Files.exists(doc) ? Files.readString(doc) : "";
        int from = text.indexOf(start);
        int to = from < 0 ? -1 : text.indexOf(end, from);
        String block = start + "\n" + section + end;
        String updated = from >= 0 && to > from ? text.substring(0, from) + block
                + text.substring(to + end.length()) : text + (text.endsWith("\n") || text.isEmpty() ? "" : "\n")
                + "\n" + block + "\n";
        Files.writeString(doc, updated);
    }

    private static String heap(ExtractOutcome outcome) {
        return mib(outcome.peakLiveHeapBytes()) + " peak (p95 " + mib(outcome.p95LiveHeapBytes()) + ", median "
                + mib(outcome.medianLiveHeapBytes()) + ", " + outcome.heapSamples() + " samples)";
    }

    private static double pageMillis(SequentialPager.Outcome pager) {
        return pager.seconds() * 1000 / Math.ceil(pager.rows() / 1000.0);
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    private static String signedPct(double share) {
        return String.format(Locale.ROOT, "%+.1f%%", share * 100);
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.0f ms", millis);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1024.0 / 1024.0);
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }
}
