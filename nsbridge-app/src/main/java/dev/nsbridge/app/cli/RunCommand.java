package dev.nsbridge.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.app.Workspace;
import dev.nsbridge.app.extract.ExtractOutcome;
import dev.nsbridge.app.extract.ExtractRequest;
import dev.nsbridge.app.extract.ExtractSession;
import dev.nsbridge.engine.run.RunListener;
import dev.nsbridge.spi.source.ReadRequest.Window;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nsbridge run}: runs extracts now, with a live progress bar per table and a summary of each. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs the named extracts (default: every enabled one) into their warehouse tables.")
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, defaultValue = "nsbridge.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Parameters(arity = "0..*", paramLabel = "EXTRACT", description = "Extracts to run, by name.")
    List<String> extracts = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Option(names = "--full-refresh", description = "Read everything and rebuild the tables, ignoring watermarks.")
    boolean fullRefresh;

    @Option(names = "--backfill-from", paramLabel = "DATE",
            description = "With --backfill-to: re-read one extract's rows changed on these days (UTC, both"
                    + " inclusive), leaving its watermark.")
    LocalDate backfillFrom;

    @Option(names = "--backfill-to", paramLabel = "DATE", description = "The last day of the backfill, inclusive.")
    LocalDate backfillTo;

    @Override
    public Integer call() {
        ExtractRequest request = new ExtractRequest(extracts, fullRefresh, backfill());
        Workspace workspace = Workspaces.open(spec, config);
        PrintWriter out = spec.commandLine().getOut();
        List<ExtractOutcome> outcomes;
        try (ExtractSession session = new ExtractSession(workspace)) {
            RunListener progress = json ? RunListener.NONE : ProgressDisplay.forStandardError(
                    spec.commandLine().getErr());
            outcomes = session.runner().run(request, progress);
        }
        if (json) {
            out.println(RunSummary.json(new ObjectMapper(), outcomes));
        } else {
            RunSummary.print(out, outcomes);
        }
        out.flush();
        return outcomes.stream().allMatch(ExtractOutcome::succeeded) ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private Optional<Window> backfill() {
        if ((backfillFrom == null) != (backfillTo == null)) {
            throw new ParameterException(spec.commandLine(), "--backfill-from and --backfill-to go together");
        }
        if (backfillFrom == null) {
            return Optional.empty();
        }
        if (fullRefresh) {
            throw new ParameterException(spec.commandLine(), "a backfill and --full-refresh exclude each other");
        }
        if (backfillTo.isBefore(backfillFrom)) {
            throw new ParameterException(spec.commandLine(), "--backfill-to " + backfillTo + " is before"
                    + " --backfill-from " + backfillFrom);
        }
        return Optional.of(new Window(backfillFrom.atStartOfDay().toInstant(ZoneOffset.UTC),
                backfillTo.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
    }
}
