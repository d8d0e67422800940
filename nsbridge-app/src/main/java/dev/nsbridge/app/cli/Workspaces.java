package dev.nsbridge.app.cli;

import dev.nsbridge.app.Workspace;
import dev.nsbridge.spi.errors.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Model.CommandSpec;

/** How the commands that act on a configuration open it: the same missing-file advice everywhere. */
final class Workspaces {
    private Workspaces() {
    }

    /** The workspace of {@code config}; a missing or invalid file is a ConfigurationException (exit 2). */
    static Workspace open(CommandSpec spec, Path config) {
        if (!Files.isRegularFile(config)) {
            throw new ConfigurationException("CONFIG_MISSING_FILE", config + " does not exist",
                    "run `nsbridge init` to write one (add --sandbox to point it at the local sandbox), or pass"
                            + " --config FILE");
        }
        return Workspace.open(config, System::getenv, Clock.systemUTC());
    }
}
