package dev.nsbridge.app.extract;

import dev.nsbridge.spi.source.ReadRequest.Window;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a person asked to run.
 *
 * @param names       the extracts to run; empty for every enabled one
 * @param fullRefresh read everything and rebuild the tables, whatever the watermarks say
 * @param backfill    re-read one extract's rows whose incremental key lies in this window, leaving its watermark
 */
public record ExtractRequest(List<String> names, boolean fullRefresh, Optional<Window> backfill) {
    public static final ExtractRequest ALL = new ExtractRequest(List.of(), false, Optional.empty());

    public ExtractRequest {
        names = List.copyOf(names);
        Objects.requireNonNull(backfill, "backfill");
    }

    public static ExtractRequest of(List<String> names) {
        return new ExtractRequest(names, false, Optional.empty());
    }
}
