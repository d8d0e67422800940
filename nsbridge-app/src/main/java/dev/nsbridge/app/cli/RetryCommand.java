package dev.nsbridge.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.nsbridge.app.Workspace;
import dev.nsbridge.app.pipeline.PipelineCatalog;
import dev.nsbridge.app.pipeline.RecordErrors;
import dev.nsbridge.app.pipeline.RetryReport;
import dev.nsbridge.engine.store.Stores;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nsbridge retry}: sends open record errors again. Each record is read afresh from its source, so one fixed
 * there goes through and is resolved; one refused again stays open with the new reason.
 */
@Command(name = "retry", mixinStandardHelpOptions = true,
        description = "Sends open record errors again: of one flow, of every flow, or one by --id.")
public final class RetryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, defaultValue = "nsbridge.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Mixin
    PlaintextSecretsOption secrets;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PIPELINE", description = "Only this flow's errors.")
    String pipeline;

    @Option(names = "--id", paramLabel = "ID", description = "Only this error, from nsbridge errors.")
    Long id;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        Workspace workspace = Workspaces.open(spec, config, secrets.loadOptions());
        List<RetryReport> reports;
        try (Stores stores = workspace.stores()) {
            RecordErrors errors = new RecordErrors(new PipelineCatalog(workspace, stores));
            reports = id != null ? List.of(errors.retry(id)) : errors.retry(Optional.ofNullable(pipeline));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode array = new ObjectMapper().createArrayNode();
            reports.forEach(report -> array.addObject().put("pipeline", report.pipeline())
                    .put("attempted", report.attempted()).put("resolved", report.resolved())
                    .put("still_open", report.stillOpen()));
            out.println(array);
        } else if (reports.stream().allMatch(report -> report.attempted() == 0)) {
            out.println("no open record errors to retry");
        } else {
            reports.forEach(report -> out.println(report.pipeline() + ": retried " + report.attempted()
                    + ", resolved " + report.resolved() + ", still open " + report.stillOpen()
                    + (report.stillOpen() > 0 ? " (nsbridge errors " + report.pipeline() + " shows why)" : "")));
        }
        out.flush();
        return reports.stream().anyMatch(report -> report.stillOpen() > 0) ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
