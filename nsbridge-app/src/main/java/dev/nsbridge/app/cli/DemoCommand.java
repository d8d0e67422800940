package dev.nsbridge.app.cli;

import dev.nsbridge.app.demo.DemoContext;
import dev.nsbridge.app.demo.DemoStep;
import dev.nsbridge.app.demo.ExtractDemoSteps;
import dev.nsbridge.app.demo.KlaviyoDemoStep;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nsbridge demo}: starts a sandbox NetSuite in-process and runs nsbridge against it step by step, so a
 * newcomer sees every load method land in DuckDB, then an incremental run pick up only what changed.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs nsbridge end to end against a built-in sandbox NetSuite, into a DuckDB file.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scale", defaultValue = "0.05",
            description = "Size of the sandbox account; 1 is about 1,000 customers (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--changes", defaultValue = "40",
            description = "Changes the simulated activity makes between the runs (default: ${DEFAULT-VALUE}).")
    int changes;

    @Option(names = "--duckdb", defaultValue = "nsbridge-demo.duckdb", paramLabel = "FILE",
            description = "The DuckDB file to fill; replaced if it exists (default: ${DEFAULT-VALUE}).")
    Path duckdb;

    @Option(names = "--keep", description = "Keep the demo's nsbridge.yaml and state in ./nsbridge-demo/ instead of"
            + " a temporary folder removed at the end.")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        if (!(scale > 0) || changes < 0) {
            throw new ParameterException(spec.commandLine(), "--scale must be more than 0 and --changes 0 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path warehouse = duckdb.toAbsolutePath().normalize();
        Files.deleteIfExists(warehouse);
        Files.deleteIfExists(warehouse.resolveSibling(warehouse.getFileName() + ".wal"));
        Path folder = keep ? Files.createDirectories(Path.of("nsbridge-demo").toAbsolutePath())
                : Files.createTempDirectory("nsbridge-demo");
        out.println("starting a sandbox NetSuite (scale " + scale + ")...");
        out.flush();
        try (NetSuiteSandbox sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(scale))) {
            DemoContext context = new DemoContext(sandbox, folder, warehouse, out, err);
            List<DemoStep> steps = steps(warehouse);
            for (int i = 0; i < steps.size(); i++) {
                out.println();
                out.println("== " + (i + 1) + ". " + steps.get(i).title());
                out.flush();
                steps.get(i).run(context);
                out.flush();
            }
        } finally {
            if (!keep) {
                deleteTree(folder);
            }
        }
        out.println();
        out.println("done: the tables are in " + warehouse);
        // The flows' error queue lives in the demo's state, which only --keep leaves behind to read.
        out.println(keep ? "the demo's config and state are in " + folder + "; read the flows' error queue with:"
                + " ./nsbridge errors -c " + folder.resolve("flows.yaml")
                : "to read the flows' error queue afterwards, run ./nsbridge demo --keep, then"
                + " ./nsbridge errors -c nsbridge-demo/flows.yaml");
        out.flush();
        return ExitCodes.OK;
    }

    /** The demo's steps; later parts (Klaviyo flows) add theirs here. */
    private List<DemoStep> steps(Path warehouse) {
        List<DemoStep> steps = new ArrayList<>();
        steps.addAll(ExtractDemoSteps.all(
                netsuite -> ConfigTemplate.render(netsuite, List.of("Written by nsbridge demo."), warehouse.toString()),
                context -> ProgressDisplay.forStandardError(context.err()),
                (context, outcomes) -> RunSummary.print(context.out(), outcomes), changes));
        steps.add(new KlaviyoDemoStep());
        return steps;
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
