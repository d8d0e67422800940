package dev.nsbridge.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.app.Workspace;
import dev.nsbridge.app.connect.ConnectionCheck;
import dev.nsbridge.engine.config.ConfigIssue;
import dev.nsbridge.engine.config.ConfigReport;
import dev.nsbridge.engine.config.ConnectionConfig;
import dev.nsbridge.netsuite.NetSuiteClient;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nsbridge check}: the prerequisites step. Checks the configuration file, then each connection live
 * (credentials, role permissions, concurrency budget), and names the fix for each failure.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Checks nsbridge.yaml and tests each connection: credentials, permissions, limits.")
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, defaultValue = "nsbridge.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Mixin
    PlaintextSecretsOption secrets;

    @Option(names = "--connection", description = "Check only this connection.")
    String only;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Option(names = "--reset-login-guard", description = "Clear the NetSuite login guard's count of failed logins"
            + " before checking. Only once the user logs in to NetSuite again (or an administrator unlocked it):"
            + " nsbridge cannot see NetSuite's own count.")
    boolean resetLoginGuard;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(config)) {
            spec.commandLine().getErr().println("error: " + config + " does not exist; run `nsbridge init` to"
                    + " write one (add --sandbox to point it at the local sandbox)");
            return ExitCodes.USAGE;
        }
        ConfigReport report = Workspace.check(config, System::getenv, secrets.loadOptions());
        if (!report.isValid()) {
            print(out, report, List.of());
            return ExitCodes.USAGE;
        }
        Workspace workspace = Workspace.open(config, System::getenv, secrets.loadOptions(), Clock.systemUTC());
        List<ConnectionCheck> checks = new ArrayList<>();
        for (ConnectionConfig connection : workspace.connections().values()) {
            if (resetLoginGuard && workspace.offers(connection.name(), NetSuiteClient.class)
                    && (only == null || only.equals(connection.name()))) {
                workspace.client(connection.name(), NetSuiteClient.class).loginGuard().reset();
            }
            if (only == null || only.equals(connection.name())) {
                checks.add(ConnectionCheck.run(workspace, connection));
            }
        }
        if (only != null && checks.isEmpty()) {
            workspace.connection(only);
        }
        print(out, report, checks);
        return checks.stream().allMatch(ConnectionCheck::passed) ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private void print(PrintWriter out, ConfigReport report, List<ConnectionCheck> checks) {
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("passed", report.isValid() && checks.stream().allMatch(ConnectionCheck::passed));
            ObjectNode configNode = root.putObject("config").put("file", config.toString())
                    .put("valid", report.isValid());
            issues(configNode.putArray("errors"), report.errors());
            issues(configNode.putArray("warnings"), report.warnings());
            ArrayNode connections = root.putArray("connections");
            checks.forEach(check -> connections.add(check.json()));
            out.println(root);
            return;
        }
        out.println(config + (report.isValid() ? ": valid" : ": " + report.errors().size() + " error(s)"));
        report.errors().forEach(issue -> out.println("  " + issue.render()));
        report.warnings().forEach(issue -> out.println("  " + issue.render()));
        for (ConnectionCheck check : checks) {
            out.println();
            out.println("connection " + check.connection() + " (" + check.type() + "): "
                    + (check.passed() ? "passed" : "FAILED"));
            out.print(check.text().indent(2));
        }
        out.flush();
    }

    private static void issues(ArrayNode array, List<ConfigIssue> issues) {
        issues.forEach(issue -> array.addObject().put("line", issue.line()).put("path", issue.path())
                .put("message", issue.message()).put("fix", issue.fix()));
    }
}
