package dev.nsbridge.app.cli;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** How the flow commands write times: UTC ISO 8601 to the second, so columns line up. */
final class FlowCli {
    private FlowCli() {
    }

    static String time(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    static String time(Optional<Instant> at) {
        return at.map(FlowCli::time).orElse("-");
    }
}
