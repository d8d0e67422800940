package dev.nsbridge.app.cli;

import dev.nsbridge.engine.run.RunListener;
import dev.nsbridge.engine.run.RunProgress;
import dev.nsbridge.engine.run.RunResult;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Draws each running table's {@link ProgressBar} on stderr. On a terminal the line is redrawn in place with a
 * carriage return; piped into a file or CI log it becomes one line per update, at most one a second, so logs stay
 * readable.
 */
final class ProgressDisplay implements RunListener {
    private static final Duration TERMINAL_INTERVAL = Duration.ofMillis(100);
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(1);

    private final PrintWriter err;
    private final boolean terminal;
    private final Clock clock;
    private Instant lastDrawn = Instant.MIN;
    private int drawnWidth;

    ProgressDisplay(PrintWriter err, boolean terminal, Clock clock) {
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
    }

    /** On a terminal when there is a console whose output is not redirected. */
    static ProgressDisplay forStandardError(PrintWriter err) {
        return new ProgressDisplay(err, System.console() != null, Clock.systemUTC());
    }

    @Override
    public void started(String pipeline, long runId) {
        lastDrawn = Instant.MIN;
        draw(ProgressBar.render(pipeline, 0, OptionalLong.empty(), Duration.ZERO));
    }

    @Override
    public void progressed(RunProgress progress) {
        Instant now = clock.instant();
        if (Duration.between(lastDrawn, now).compareTo(terminal ? TERMINAL_INTERVAL : LOG_INTERVAL) < 0) {
            return;
        }
        lastDrawn = now;
        draw(ProgressBar.render(progress.pipeline(), progress.rowsRead(), progress.rowsExpected(),
                progress.elapsed()));
    }

    @Override
    public void finished(RunResult result) {
        long rows = result.counts().read();
        draw(ProgressBar.render(result.pipeline(), rows, OptionalLong.of(rows), result.duration()) + "  "
                + result.status().wireName());
        if (terminal) {
            err.println();
            drawnWidth = 0;
        }
        err.flush();
    }

    private void draw(String line) {
        if (terminal) {
            // Pad over the previous, possibly longer, line so no stale characters remain at its end.
            err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
            drawnWidth = line.length();
        } else {
            err.println(line);
        }
        err.flush();
    }
}
