package dev.nsbridge.app.flow;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a flow has gone live.
 *
 * @param flow      the flow's name
 * @param live      whether its schedule runs it
 * @param liveSince when it went live (kept after a pause, to show when it last was); empty if it never did
 * @param changedAt when it last went live or was paused; empty if never
 */
public record GoLiveStatus(String flow, boolean live, Optional<Instant> liveSince, Optional<Instant> changedAt) {
    public GoLiveStatus {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(liveSince, "liveSince");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** {@code live} or {@code test}, as {@code nsbridge status} shows it. */
    public String phase() {
        return live ? "live" : "test";
    }
}
