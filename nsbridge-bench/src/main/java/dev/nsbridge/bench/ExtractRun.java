package dev.nsbridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.engine.config.DeleteHandling;
import dev.nsbridge.engine.config.ExtractConfig;
import dev.nsbridge.engine.run.Pipeline;
import dev.nsbridge.engine.run.PipelineRunner;
import dev.nsbridge.engine.run.Pipelines;
import dev.nsbridge.engine.run.RunListener;
import dev.nsbridge.engine.run.RunOptions;
import dev.nsbridge.engine.run.RunResult;
import dev.nsbridge.engine.store.SqlStores;
import dev.nsbridge.engine.store.RunStatus;
import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.spi.destination.Destination;
import dev.nsbridge.spi.destination.LoadMethod;
import dev.nsbridge.spi.source.ReadMode;
import dev.nsbridge.spi.source.Source;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One transactionline extract through the real path (source, PipelineRunner, warehouse destination; full read,
 * drop-create-load), run in its own JVM by {@link ExtractBenchmark}. Prints one {@link ExtractOutcome} line.
 *
 * <p>Arguments: {@code <rows|all> <sample-heap: true|false> <concurrency limit> <warehouse arguments…>}; the
 * sandbox and the PostgreSQL password come in the environment.
 */
public final class ExtractRun {
    static final String TABLE = "transactionline";

    private ExtractRun() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args[0].equals("all") ? 0 : Long.parseLong(args[0]);
        boolean sampleHeap = Boolean.parseBoolean(args[1]);
        int concurrencyLimit = Integer.parseInt(args[2]);
        WarehouseTarget target = WarehouseTarget.fromArguments(Arrays.asList(args).subList(3, args.length),
                System::getenv);
        Path work = Files.createTempDirectory("nsbridge-bench-run-");
        NetSuiteClient client = BenchNetSuite.client(SandboxAccess.fromEnvironment(System::getenv),
                concurrencyLimit, work);
        ExtractOutcome outcome = run(client, target, rows, sampleHeap, work);
        System.out.println(ChildJvm.RESULT + new ObjectMapper().writeValueAsString(outcome));
        // The HTTP client and DuckDB keep non-daemon threads; this JVM exists for one measurement.
        System.exit(0);
    }

    private static ExtractOutcome run(NetSuiteClient client, WarehouseTarget target, long rows, boolean sampleHeap,
                                      Path work) throws Exception {
        Clock clock = Clock.systemUTC();
        Destination destination = target.destination();
        try (Source source = ExtractSource.open(client);
             SqlStores stores = SqlStores.open(work.resolve("state.db"), clock)) {
            ExtractConfig extract = extract();
            StreamDescriptor stream = Pipelines.tableStream(extract, source);
            Pipeline pipeline = Pipelines.extract(extract, stream, source, destination);
            RunOptions options = rows == 0 ? RunOptions.NORMAL : RunOptions.limitedTo(rows);
            RunResult result;
            long started = System.nanoTime();
            try (RunSampler sampler = new RunSampler(client::inFlight, sampleHeap)) {
                result = new PipelineRunner(stores, clock).run(pipeline, options, RunListener.NONE);
                double seconds = (System.nanoTime() - started) / 1e9;
                check(result, rows, target, destination);
                return ExtractOutcome.of(result.counts().written(), seconds, sampler.meanInFlight(),
                        sampler.liveHeapSamples());
            }
        }
    }

    /** A fast run that lost rows would be no result: the counts must match, and a full run's table too. */
    private static void check(RunResult result, long rows, WarehouseTarget target, Destination destination)
            throws Exception {
        if (result.status() != RunStatus.SUCCEEDED) {
            throw new IllegalStateException("the extract ended " + result.status() + ": " + result.failure());
        }
        long written = result.counts().written();
        if (result.counts().read() != written || (rows > 0 && written != rows)) {
            throw new IllegalStateException("read " + result.counts().read() + " rows, wrote " + written
                    + ", expected " + (rows > 0 ? rows : "all"));
        }
        if (rows == 0 && target.count(destination, TABLE) != written) {
            throw new IllegalStateException("the table holds " + target.count(destination, TABLE)
                    + " rows, the run wrote " + written);
        }
    }

    private static ExtractConfig extract() {
        return new ExtractConfig("bench_" + TABLE, "netsuite", Optional.of(TABLE), Optional.empty(), List.of(),
                LoadMethod.DROP_CREATE_LOAD, List.of(), ReadMode.FULL, Optional.empty(), "warehouse", TABLE,
                Optional.empty(), Duration.ZERO, DeleteHandling.FLAG, Optional.empty(), true, true);
    }
}
