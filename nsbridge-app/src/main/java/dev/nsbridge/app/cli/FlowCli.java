package dev.nsbridge.app.cli;

import dev.nsbridge.app.Workspace;
import dev.nsbridge.spi.errors.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** What the flow commands share: opening the configuration and writing times the same way. */
final class FlowCli {
    private FlowCli() {
    }

    /** Loads the file; a missing file or a bad configuration becomes exit code 2 naming each problem's line. */
    static Workspace open(Path config) {
        if (!Files.isRegularFile(config)) {
            throw new ConfigurationException("CONFIG_MISSING", config + " does not exist",
                    "run `nsbridge init` to write one, or point --config at yours");
        }
        return Workspace.open(config, System::getenv, Clock.systemUTC());
    }

    static String time(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    static String time(Optional<Instant> at) {
        return at.map(FlowCli::time).orElse("-");
    }
}
