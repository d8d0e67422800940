package dev.nsbridge.app.flow;

import dev.nsbridge.app.Workspace;
import dev.nsbridge.engine.config.FlowConfig;
import dev.nsbridge.engine.store.ErrorStatus;
import dev.nsbridge.engine.store.RunRecord;
import dev.nsbridge.engine.store.Stores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one flow stands, for {@code nsbridge status}: live or in test, its last run, its next scheduled run (only a
 * live, enabled flow has one) and how many of its records wait in the error queue.
 *
 * @param flow       the flow's configuration
 * @param goLive     live or test, and since when
 * @param lastRun    its latest run, dry runs included
 * @param nextRun    when the schedule runs it next
 * @param openErrors refused records not yet resolved
 */
public record FlowStanding(FlowConfig flow, GoLiveStatus goLive, Optional<RunRecord> lastRun,
                           Optional<Instant> nextRun, long openErrors) {
    public FlowStanding {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(goLive, "goLive");
        Objects.requireNonNull(lastRun, "lastRun");
        Objects.requireNonNull(nextRun, "nextRun");
    }

    /** Every flow of the configuration, in file order. */
    public static List<FlowStanding> all(Workspace workspace, Stores stores) {
        FlowGoLive goLive = new FlowGoLive(stores.state());
        Instant now = workspace.clock().instant();
        List<FlowStanding> standings = new ArrayList<>();
        for (FlowConfig flow : workspace.config().flows().values()) {
            GoLiveStatus status = goLive.status(flow.name());
            Optional<RunRecord> last = stores.history().recent(Optional.of(flow.name()), 1).stream().findFirst();
            Optional<Instant> next = status.live() && flow.enabled()
                    ? flow.schedule().flatMap(schedule -> schedule.nextAfter(now)) : Optional.empty();
            standings.add(new FlowStanding(flow, status, last, next,
                    stores.errors().count(flow.name(), ErrorStatus.OPEN)));
        }
        return standings;
    }
}
