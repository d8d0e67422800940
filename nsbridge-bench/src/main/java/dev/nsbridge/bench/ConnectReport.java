package dev.nsbridge.bench;

import java.util.ArrayList;
import java.util.List;

/** The Connect benchmark's results as a Markdown section: printed, and written between its markers. */
final class ConnectReport {
    private ConnectReport() {
    }

    static String markdown(ConnectResults r) {
        List<String> lines = new ArrayList<>();
        lines.add("### Results, " + r.date().replace('T', ' '));
        lines.add("");
        lines.add("Machine: " + r.machine().cpu() + ", " + r.machine().cores() + " cores, " + r.machine().memory()
                + ", " + r.machine().jdk() + ", " + r.machine().os() + ". Load average (1, 5, 15 min) "
                + r.loadBefore() + " before, " + r.loadAfter() + " after (the machine is shared).");
        lines.add("");
        lines.add(String.format("Sandbox: scale %s (%,d %s rows), %d ms per answer, concurrency limit %d; every run's"
                        + " budget %d (reserve 0). Ceiling = %d × 1000 rows ÷ %.1f s = %,.0f rows/s.",
                trim(r.scale()), r.rows(), ExtractRun.TABLE, r.latencyMs(), r.concurrencyLimit(),
                r.concurrencyLimit(), r.concurrencyLimit(), r.latencyMs() / 1000.0, r.ceilingRowsPerSecond()));
        lines.add("");
        lines.add("| run | rows | seconds | rows/s | against the extract | share of ceiling |");
        lines.add("|---|---|---|---|---|---|");
        ExtractOutcome extract = r.extract();
        lines.add(String.format("| `nsbridge` extract → DuckDB | %,d | %.1f | %,.0f | 1.00 | %.0f%% |",
                extract.rows(), extract.seconds(), extract.rowsPerSecond(),
                100 * extract.rowsPerSecond() / r.ceilingRowsPerSecond()));
        for (ConnectOutcome connect : r.connect()) {
            lines.add(String.format("| Connect, %d worker%s (%d task%s) → Kafka, exactly once | %,d | %.1f | %,.0f"
                            + " | %.2f | %.0f%% |", connect.workers(), connect.workers() == 1 ? "" : "s",
                    connect.tasks(), connect.tasks() == 1 ? "" : "s", connect.rows(), connect.seconds(),
                    connect.rowsPerSecond(), connect.rowsPerSecond() / extract.rowsPerSecond(),
                    100 * connect.rowsPerSecond() / r.ceilingRowsPerSecond()));
        }
        lines.add("");
        return String.join("\n", lines);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
