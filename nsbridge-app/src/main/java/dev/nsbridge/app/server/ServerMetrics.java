package dev.nsbridge.app.server;

import dev.nsbridge.app.ledger.TieOut;
import dev.nsbridge.engine.run.RunResult;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What {@code GET /metrics} shows, in Prometheus text format. A registry of its own, not the library's default
 * one, so two servers in one JVM (as in the tests) never share counts.
 */
public final class ServerMetrics {
    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter rowsRead = counter("nsbridge_rows_read", "Rows read from the source, per pipeline.");
    private final Counter rowsWritten = counter("nsbridge_rows_written",
            "Rows the destination accepted, per pipeline.");
    private final Counter recordErrors = counter("nsbridge_record_errors",
            "Records the destination refused into the error queue, per pipeline.");
    private final Counter runs = Counter.builder().name("nsbridge_runs").help("Finished runs, per pipeline and status.")
            .labelNames("pipeline", "status").register(registry);
    private final Histogram durations = Histogram.builder().name("nsbridge_run_duration_seconds")
            .help("How long runs took, per pipeline.").labelNames("pipeline").classicOnly()
            .classicUpperBounds(1, 5, 15, 60, 300, 900, 3600).register(registry);
    private final Gauge running = Gauge.builder().name("nsbridge_runs_in_progress")
            .help("Runs under way, per pipeline.").labelNames("pipeline").register(registry);
    private final Counter retries = Counter.builder().name("nsbridge_record_retries")
            .help("Record errors sent again, per pipeline and outcome (resolved or open).")
            .labelNames("pipeline", "outcome").register(registry);
    private final Counter requests = Counter.builder().name("nsbridge_http_requests")
            .help("Requests sent to NetSuite, Klaviyo and other services, per host and status code.")
            .labelNames("host", "code").register(registry);
    private final Counter throttled = Counter.builder().name("nsbridge_http_throttled")
            .help("Requests answered 429 (rate or concurrency limit), per host.").labelNames("host").register(registry);

    private final Gauge tieOutGroups = Gauge.builder().name("nsbridge_ledger_tieout_groups_out_of_balance")
            .help("Posting period and subsidiary groups where the warehouse's ledger differed from NetSuite's at the"
                    + " last tie-out, per accounting-line pipeline; 0 when it tied out.").labelNames("pipeline")
            .register(registry);
    private final Gauge tieOutDifference = Gauge.builder().name("nsbridge_ledger_tieout_difference")
            .help("How far the warehouse's ledger was from NetSuite's at the last tie-out, summed over the groups"
                    + " out of balance, per pipeline and measure (lines, debit, credit; absolute values).")
            .labelNames("pipeline", "measure").register(registry);
    private final Gauge tieOutFailed = Gauge.builder().name("nsbridge_ledger_tieout_failed")
            .help("1 when the last tie-out of the pipeline's ledger failed (out of balance or not made), else 0.")
            .labelNames("pipeline").register(registry);

    private Counter counter(String name, String help) {
        return Counter.builder().name(name).help(help).labelNames("pipeline").register(registry);
    }

    void runStarted(String pipeline) {
        running.labelValues(pipeline).inc();
    }

    void runFinished(RunResult result) {
        String pipeline = result.pipeline();
        running.labelValues(pipeline).dec();
        rowsRead.labelValues(pipeline).inc(result.counts().read());
        rowsWritten.labelValues(pipeline).inc(result.counts().written());
        recordErrors.labelValues(pipeline).inc(result.counts().errors());
        runs.labelValues(pipeline, result.status().wireName()).inc();
        durations.labelValues(pipeline).observe(result.duration().toMillis() / 1000.0);
    }

    void tiedOut(TieOut tieOut) {
        String pipeline = tieOut.pipeline();
        tieOutGroups.labelValues(pipeline).set(tieOut.differences().size());
        tieOutDifference.labelValues(pipeline, "lines").set(tieOut.differences().stream()
                .mapToLong(difference -> Math.abs(difference.lines())).sum());
        tieOutDifference.labelValues(pipeline, "debit").set(tieOut.differences().stream()
                .mapToDouble(difference -> difference.debit().abs().doubleValue()).sum());
        tieOutDifference.labelValues(pipeline, "credit").set(tieOut.differences().stream()
                .mapToDouble(difference -> difference.credit().abs().doubleValue()).sum());
        tieOutFailed.labelValues(pipeline).set(tieOut.balanced() ? 0 : 1);
    }

    /** A run that never got as far as the runner (it could not be built), so the gauge goes back down. */
    void runAbandoned(String pipeline) {
        running.labelValues(pipeline).dec();
    }

    void retried(String pipeline, int resolved, int stillOpen) {
        retries.labelValues(pipeline, "resolved").inc(resolved);
        retries.labelValues(pipeline, "open").inc(stillOpen);
    }

    void request(String host, int status) {
        requests.labelValues(host, Integer.toString(status)).inc();
        if (status == 429) {
            throttled.labelValues(host).inc();
        }
    }

    /** The text a scraper reads. */
    String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
