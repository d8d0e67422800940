package dev.nsbridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.suiteql.SuiteQlQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Kafka Connect benchmark, in one invocation: the sandbox NetSuite in its own JVM, then on that same sandbox the
 * command line's extract of transactionline (into DuckDB) and the NetSuite source connector reading the same table
 * on a Connect cluster of one worker and of two, each in a fresh JVM; the connector's rates as ratios to the
 * extract's (see docs/BENCHMARKS.md). Prints the results as Markdown and rewrites its section of the doc.
 */
@Command(name = "connect-benchmark", mixinStandardHelpOptions = true,
        description = "transactionline through Kafka Connect with 1 and 2 workers, against the extract")
public final class ConnectBenchmark implements Callable<Integer> {
    static final String START =
            "<!-- connect-results:start (written by ConnectBenchmark; edit outside the markers) -->";
    static final String END = "<!-- connect-results:end -->";
    private static final Path WORK = Path.of("nsbridge-bench", "target", "bench-work-connect");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--scale", description = "The sandbox's scale; 30 gives about 1.1M transaction lines.")
    double scale = 30;
    @Option(names = "--latency-ms", description = "Added by the sandbox to every answer.")
    long latencyMs = 300;
    @Option(names = "--concurrency-limit", description = "The account's limit, and (reserve 0) each run's budget.")
    int concurrencyLimit = 5;
    @Option(names = "--workers", split = ",", description = "Connect cluster sizes to measure, e.g. 1,2.")
    List<Integer> workers = List.of(1, 2);
    @Option(names = "--sandbox-heap", description = "-Xmx of the sandbox JVM.")
    String sandboxHeap = "6g";
    @Option(names = "--child-heap", description = "-Xmx of the extract's and each Connect cluster's JVM.")
    String childHeap = "2g";
    @Option(names = "--doc", description = "The Markdown file whose Connect results section is rewritten; none to"
            + " only print.")
    String doc = "docs/BENCHMARKS.md";

    public static void main(String[] args) {
        int code = new CommandLine(new ConnectBenchmark()).execute(args);
        System.exit(code); // the JDK HTTP client and DuckDB may hold non-daemon threads
    }

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(WORK);
        String date = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).substring(0, 16);
        String loadBefore = Machine.loadAverage();
        Path log = WORK.resolve("runs.log");
        say("starting the sandbox at scale " + scale);
        ConnectResults results;
        try (SandboxProcess sandbox = SandboxProcess.start(new SandboxProcess.Settings(scale, latencyMs,
                concurrencyLimit, sandboxHeap), WORK.resolve("sandbox.log"))) {
            NetSuiteClient client = BenchNetSuite.client(sandbox.access(), concurrencyLimit,
                    Files.createDirectories(WORK.resolve("netsuite")));
            long rows = Long.parseLong(client.suiteQl().page(SuiteQlQuery.of("SELECT COUNT(*) AS n FROM "
                    + ExtractRun.TABLE), 0, 1).rows().get(0).string("n"));
            say(String.format("%,d %s rows; the extract into DuckDB first (it also warms the sandbox)", rows,
                    ExtractRun.TABLE));
            ExtractOutcome extract = extract(sandbox, log);
            List<ConnectOutcome> connect = new ArrayList<>();
            for (int size : workers) {
                say("the NetSuite source connector on " + size + " worker(s)");
                ConnectOutcome outcome = JSON.readValue(ChildJvm.run(List.of("-Xmx" + childHeap), ConnectRun.class,
                        List.of(Integer.toString(size), Long.toString(rows), Integer.toString(concurrencyLimit),
                                cuts(client, size)),
                        sandbox.access().environment(), log), ConnectOutcome.class);
                say(String.format("  %,d rows in %.1f s: %,.0f rows/s, %d task(s), %,d records read", outcome.rows(),
                        outcome.seconds(), outcome.rowsPerSecond(), outcome.tasks(), outcome.records()));
                connect.add(outcome);
            }
            results = new ConnectResults(Machine.current(), date, loadBefore, Machine.loadAverage(), scale,
                    latencyMs, concurrencyLimit, rows, extract, connect);
        }
        String section = ConnectReport.markdown(results);
        System.out.println(section);
        if (!doc.equals("none")) {
            ResultsReport.writeBetween(Path.of(doc), START, END, section);
            say("results written to " + doc);
        }
        return 0;
    }

    /**
     * Where to cut the table into one id range per worker, as a user would with {@code split.transactionline}:
     * evenly over its transaction ids (lines per transaction vary little), or {@code -} for one worker. Without it
     * the connector has one table for one task, and a second worker would have nothing to do.
     */
    private static String cuts(NetSuiteClient client, int workers) throws Exception {
        if (workers < 2) {
            return "-";
        }
        var row = client.suiteQl().page(SuiteQlQuery.of("SELECT MIN(transaction) AS lo, MAX(transaction) AS hi FROM "
                + ExtractRun.TABLE), 0, 1).rows().get(0);
        long low = Long.parseLong(row.string("lo"));
        long high = Long.parseLong(row.string("hi"));
        List<String> cuts = new ArrayList<>();
        for (int part = 1; part < workers; part++) {
            cuts.add(Long.toString(low + (high - low + 1) * part / workers));
        }
        return String.join(",", cuts);
    }

    private ExtractOutcome extract(SandboxProcess sandbox, Path log) throws Exception {
        WarehouseTarget target = WarehouseTarget.duckDb(Files.createDirectories(WORK.resolve("data"))
                .resolve("extract-" + System.nanoTime() + ".duckdb"));
        List<String> arguments = new ArrayList<>(List.of("all", "false", Integer.toString(concurrencyLimit)));
        arguments.addAll(target.arguments());
        Map<String, String> environment = new HashMap<>(sandbox.access().environment());
        environment.putAll(target.environment());
        ExtractOutcome outcome = JSON.readValue(ChildJvm.run(List.of("-Xmx" + childHeap), ExtractRun.class,
                arguments, environment, log), ExtractOutcome.class);
        say(String.format("  %,d rows in %.1f s: %,.0f rows/s", outcome.rows(), outcome.seconds(),
                outcome.rowsPerSecond()));
        return outcome;
    }

    private static void say(String message) {
        System.err.println("[connect bench " + LocalTime.now().withNano(0) + "] " + message);
    }
}
