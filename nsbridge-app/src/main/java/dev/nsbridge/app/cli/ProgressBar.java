package dev.nsbridge.app.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * One line of live progress for one table: a bar when the total is known, rows, rows/s and the time left.
 * Pure text; the caller decides where and how often to draw it.
 */
public final class ProgressBar {
    private static final int BAR_WIDTH = 24;

    private ProgressBar() {
    }

    /**
     * @param name     the extract or flow
     * @param rows     rows moved so far
     * @param expected the total, when the source can tell
     * @param elapsed  time since the run started
     */
    public static String render(String name, long rows, OptionalLong expected, Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        double rate = rows / seconds;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-24s ", truncate(name, 24)));
        if (expected.isPresent() && expected.getAsLong() > 0) {
            long total = expected.getAsLong();
            double share = Math.min(1.0, (double) rows / total);
            int filled = (int) Math.round(share * BAR_WIDTH);
            line.append('[').append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%% ", Math.round(share * 100)))
                    .append(String.format(Locale.ROOT, "%,d/%,d rows", rows, total));
        } else {
            line.append(String.format(Locale.ROOT, "%,d rows", rows));
        }
        line.append(String.format(Locale.ROOT, "  %,.0f rows/s", rate));
        if (expected.isPresent() && rate > 0 && expected.getAsLong() > rows) {
            line.append("  ETA ").append(clock(Duration.ofSeconds(Math.round((expected.getAsLong() - rows) / rate))));
        }
        return line.toString();
    }

    static String clock(Duration duration) {
        long seconds = duration.getSeconds();
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    private static String truncate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
