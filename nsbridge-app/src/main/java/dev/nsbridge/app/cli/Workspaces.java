package dev.nsbridge.app.cli;

import dev.nsbridge.app.Workspace;
import dev.nsbridge.engine.config.LoadOptions;
import dev.nsbridge.spi.errors.ConfigurationException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Model.CommandSpec;

/** How the commands that act on a configuration open it: the same missing-file advice and warnings everywhere. */
final class Workspaces {
    private Workspaces() {
    }

    /**
     * The workspace of {@code config}; a missing or invalid file is a ConfigurationException (exit 2). What the load
     * accepted with a warning (a secret allowed as plain text) is printed on stderr.
     */
    static Workspace open(CommandSpec spec, Path config, LoadOptions options) {
        if (!Files.isRegularFile(config)) {
            throw new ConfigurationException("CONFIG_MISSING_FILE", config + " does not exist",
                    "run `nsbridge init` to write one (add --sandbox to point it at the local sandbox), or pass"
                            + " --config FILE");
        }
        Workspace workspace = Workspace.open(config, System::getenv, options, Clock.systemUTC());
        PrintWriter err = spec.commandLine().getErr();
        workspace.warnings().forEach(warning -> err.println(warning.render()));
        err.flush();
        return workspace;
    }

    /**
     * For the commands that read only nsbridge's own state (record errors, status, go-live): a connection whose
     * environment variables are unset is fine until something would open it, which then names them.
     */
    static Workspace openForLocalState(CommandSpec spec, Path config, LoadOptions options) {
        return open(spec, config, options.withCredentialsLater());
    }
}
