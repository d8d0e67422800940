package dev.nsbridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.suiteql.SuiteQlQuery;
import dev.nsbridge.spi.source.Source;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The extracts benchmark, in one invocation: the sandbox NetSuite in its own JVM, a throwaway PostgreSQL, then
 * each measurement in turn (see docs/BENCHMARKS.md). Prints the results as Markdown and rewrites the results
 * section of the doc. Talks only to 127.0.0.1 and stops by itself.
 */
public final class ExtractBenchmark {
    private static final Path WORK = Path.of("nsbridge-bench", "target", "bench-work");
    /** The batch the NetSuite source hands the writer (SourceTuning's default), so the load writes alike. */
    private static final int LOAD_BATCH = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchSettings settings;
    private final Path log = WORK.resolve("runs.log");

    private ExtractBenchmark(BenchSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.parse(args);
        deleteTree(WORK);
        Files.createDirectories(WORK);
        Results results = new ExtractBenchmark(settings).run();
        String section = ResultsReport.markdown(results);
        System.out.println(section);
        if (settings.doc().isPresent()) {
            ResultsReport.writeInto(settings.doc().get(), section);
            say("results written to " + settings.doc().get());
        }
        deleteTree(WORK.resolve("data"));
        System.exit(0); // the JDK HTTP client and DuckDB may hold non-daemon threads
    }

    private Results run() throws Exception {
        String date = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).substring(0, 16);
        String loadBefore = Machine.loadAverage();
        Path data = Files.createDirectories(WORK.resolve("data"));
        say("starting PostgreSQL, and the sandbox at scale " + settings.scale() + " (about a minute to generate)");
        try (BenchPostgres postgres = BenchPostgres.start();
             SandboxProcess sandbox = SandboxProcess.start(new SandboxProcess.Settings(settings.scale(),
                     settings.latencyMs(), settings.concurrencyLimit(), settings.sandboxHeap()),
                     WORK.resolve("sandbox.log"))) {
            NetSuiteClient client = BenchNetSuite.client(sandbox.access(), settings.concurrencyLimit(),
                    Files.createDirectories(WORK.resolve("netsuite")));
            StreamDescriptor stream;
            String sourceName;
            try (Source source = ExtractSource.open(client)) {
                stream = source.discover().stream().filter(s -> s.name().equals(ExtractRun.TABLE)).findFirst()
                        .orElseThrow();
                sourceName = source.getClass().getName();
            }
            long tableRows = countRows(client);
            // The heap runs go first: reading the whole table, they also warm the sandbox (its JIT), which whatever
            // ran first would otherwise pay alone. The pager and the timed extracts then meet the same warm sandbox.
            say("peak heap, " + settings.smallRows() + " rows");
            ExtractOutcome heapSmall = extract(sandbox, WarehouseTarget.duckDb(data.resolve("heap-small.duckdb")),
                    Long.toString(settings.smallRows()), true);
            say("peak heap, " + settings.largeRows() + " rows");
            ExtractOutcome heapLarge = extract(sandbox, WarehouseTarget.duckDb(data.resolve("heap-large.duckdb")),
                    Long.toString(settings.largeRows()), true);
            say(String.format("%,d transactionline rows; sequential offset pager over the first %,d", tableRows,
                    settings.pagerRows()));
            SequentialPager.Outcome pager = new SequentialPager(client.suiteQl()).read(stream, settings.pagerRows());
            say("extract into DuckDB");
            ExtractOutcome duckDb = extract(sandbox, WarehouseTarget.duckDb(data.resolve("extract.duckdb")),
                    "all", false);
            say("extract into PostgreSQL");
            ExtractOutcome pg = extract(sandbox, WarehouseTarget.postgres(postgres.newDatabase()), "all", false);
            say("DuckDB bulk path alone");
            DestinationLoad.Outcome duckDbLoad = DestinationLoad.load(WarehouseTarget.duckDb(
                    data.resolve("load.duckdb")).destination(), stream, settings.loadRows(), LOAD_BATCH);
            say("PostgreSQL bulk path alone");
            DestinationLoad.Outcome pgLoad = DestinationLoad.load(WarehouseTarget.postgres(postgres.newDatabase())
                    .destination(), stream, settings.loadRows(), LOAD_BATCH);
            return new Results(Machine.current(), date, loadBefore, Machine.loadAverage(), settings, sourceName,
                    tableRows, duckDb, pg, pager, heapSmall, heapLarge, duckDbLoad, pgLoad);
        }
    }

    private ExtractOutcome extract(SandboxProcess sandbox, WarehouseTarget target, String rows, boolean sampleHeap)
            throws Exception {
        List<String> arguments = new ArrayList<>(List.of(rows, Boolean.toString(sampleHeap),
                Integer.toString(settings.concurrencyLimit())));
        arguments.addAll(target.arguments());
        Map<String, String> environment = new HashMap<>(sandbox.access().environment());
        environment.putAll(target.environment());
        String line = ChildJvm.run(List.of("-Xmx" + settings.childHeap(), "-Xms" + settings.childHeap()),
                ExtractRun.class, arguments, environment, log);
        ExtractOutcome outcome = JSON.readValue(line, ExtractOutcome.class);
        say(String.format("  %,d rows in %.1f s: %,.0f rows/s, %.2f in flight, %.0f ms per request%s",
                outcome.rows(), outcome.seconds(), outcome.rowsPerSecond(), outcome.meanInFlight(),
                outcome.requestMillis(), sampleHeap ? String.format(", peak live heap %.1f MiB",
                        outcome.peakLiveHeapBytes() / 1048576.0) : ""));
        return outcome;
    }

    private static long countRows(NetSuiteClient client) {
        return Long.parseLong(client.suiteQl().page(SuiteQlQuery.of("SELECT COUNT(*) AS n FROM "
                + ExtractRun.TABLE), 0, 1).rows().get(0).string("n"));
    }

    private static void say(String message) {
        System.err.println("[bench " + LocalTime.now().withNano(0) + "] " + message);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
