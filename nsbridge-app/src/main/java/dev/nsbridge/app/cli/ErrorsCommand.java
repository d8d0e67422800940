package dev.nsbridge.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.app.Workspace;
import dev.nsbridge.app.flow.FlowRunReport;
import dev.nsbridge.app.pipeline.PipelineCatalog;
import dev.nsbridge.app.pipeline.RecordErrors;
import dev.nsbridge.engine.store.StoredError;
import dev.nsbridge.engine.store.Stores;
import dev.nsbridge.spi.data.RecordError;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code nsbridge errors}: the queue of records a destination refused (a bad email, a failed import item), kept with
 * the payload and the reason so a person can fix the record at its source and {@code nsbridge retry} it.
 */
@Command(name = "errors", mixinStandardHelpOptions = true,
        description = "Lists record errors (records refused) and warnings (records sent with a field left out):"
                + " open ones, or all with --all.",
        subcommands = {ErrorsCommand.Show.class, ErrorsCommand.Resolve.class})
public final class ErrorsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, defaultValue = "nsbridge.yaml", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Mixin
    PlaintextSecretsOption secrets;

    @Option(names = "--json", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Print JSON instead of text.")
    boolean json;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PIPELINE", description = "Only this flow or extract.")
    String pipeline;

    @Option(names = "--all", description = "Resolved errors too.")
    boolean all;

    @Option(names = "--kind", paramLabel = "KIND", converter = KindConverter.class,
            description = "Only errors (records refused; they can be retried) or warnings (records sent with a"
                    + " field left out; they clear when the record is next sent whole, or by resolve): error or"
                    + " warning. Default: both.")
    RecordError.Kind kind;

    @Override
    public Integer call() {
        return withErrors(errors -> {
            List<StoredError> listed = errors.list(Optional.ofNullable(pipeline), all, Optional.ofNullable(kind));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ArrayNode array = new ObjectMapper().createArrayNode();
                listed.forEach(error -> array.add(node(error, false)));
                out.println(array);
            } else if (listed.isEmpty()) {
                String what = kind == null ? "record errors" : "record " + kind.wireName() + "s";
                out.println(all ? "no " + what : "no open " + what);
            } else {
                out.println(String.format("%-6s %-24s %-12s %-8s %-9s %-20s %-20s %-8s %s", "ID", "PIPELINE",
                        "RECORD", "KIND", "STATUS", "FIRST SEEN", "LAST SEEN", "ATTEMPTS", "REASON"));
                listed.forEach(error -> out.println(String.format("%-6d %-24s %-12s %-8s %-9s %-20s %-20s %-8d %s",
                        error.id(), error.pipeline(), error.error().recordKey(), error.error().kind().wireName(),
                        error.status().wireName(),
                        FlowCli.time(error.firstSeen()), FlowCli.time(error.lastSeen()), error.attempts(),
                        error.error().code() + ": " + error.error().reason())));
                if (listed.size() == RecordErrors.BATCH) {
                    out.println("(the newest " + RecordErrors.BATCH + " shown)");
                }
            }
            out.flush();
            return ExitCodes.OK;
        });
    }

    private int withErrors(Function<RecordErrors, Integer> work) {
        Workspace workspace = Workspaces.openForLocalState(spec, config, secrets.loadOptions());
        try (Stores stores = workspace.stores()) {
            return work.apply(new RecordErrors(new PipelineCatalog(workspace, stores)));
        }
    }

    static ObjectNode node(StoredError error, boolean withPayload) {
        ObjectNode node = new ObjectMapper().createObjectNode().put("id", error.id())
                .put("pipeline", error.pipeline()).put("record", error.error().recordKey())
                .put("kind", error.error().kind().wireName()).put("code", error.error().code())
                .put("reason", error.error().reason()).put("status", error.status().wireName()).put("first_seen", error.firstSeen().toString())
                .put("last_seen", error.lastSeen().toString()).put("attempts", error.attempts())
                .put("run_id", error.runId());
        error.resolvedAt().ifPresent(at -> node.put("resolved_at", at.toString()));
        if (withPayload) {
            node.set("payload", FlowRunReport.body(error.error().payload()));
        }
        return node;
    }

    /** Reads {@code --kind} as its lower-case wire name, naming the two values when it is neither. */
    static final class KindConverter implements picocli.CommandLine.ITypeConverter<RecordError.Kind> {
        @Override
        public RecordError.Kind convert(String value) {
            try {
                return RecordError.Kind.fromWireName(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is no kind; use error or"
                        + " warning");
            }
        }
    }

    /** {@code nsbridge errors show ID}: one error with the payload that was refused. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Prints one error and its payload.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        ErrorsCommand parent;

        @Parameters(index = "0", paramLabel = "ID", description = "The error's id, from nsbridge errors.")
        long id;

        @Override
        public Integer call() {
            return parent.withErrors(errors -> {
                StoredError error = errors.get(id);
                PrintWriter out = parent.spec.commandLine().getOut();
                if (parent.json) {
                    out.println(node(error, true));
                } else {
                    out.println(error.error().kind().wireName() + " " + error.id() + " of " + error.pipeline()
                            + ", record " + error.error().recordKey() + " (" + error.status().wireName() + ")");
                    out.println("  reason:   " + error.error().code() + ": " + error.error().reason());
                    out.println("  seen:     " + FlowCli.time(error.firstSeen()) + " to "
                            + FlowCli.time(error.lastSeen()) + ", " + error.attempts() + " attempt(s), run "
                            + error.runId());
                    error.resolvedAt().ifPresent(at -> out.println("  resolved: " + FlowCli.time(at)));
                    out.println("  payload:");
                    out.println(error.error().payload());
                }
                out.flush();
                return ExitCodes.OK;
            });
        }
    }

    /** {@code nsbridge errors resolve ID}: closes an error by hand. */
    @Command(name = "resolve", mixinStandardHelpOptions = true,
            description = "Marks one error resolved by hand, or dismisses a warning; it leaves the open list.")
    static final class Resolve implements Callable<Integer> {
        @ParentCommand
        ErrorsCommand parent;

        @Parameters(index = "0", paramLabel = "ID", description = "The error's id, from nsbridge errors.")
        long id;

        @Override
        public Integer call() {
            return parent.withErrors(errors -> {
                StoredError error = errors.resolve(id);
                PrintWriter out = parent.spec.commandLine().getOut();
                out.println(parent.json ? node(error, false).toString() : "error " + error.id() + " of "
                        + error.pipeline() + " (record " + error.error().recordKey() + ") is resolved");
                out.flush();
                return ExitCodes.OK;
            });
        }
    }
}
