package dev.nsbridge.flows.suppressions;

import dev.nsbridge.klaviyo.KlaviyoClient;
import dev.nsbridge.klaviyo.http.Page;
import dev.nsbridge.klaviyo.profiles.EmailSuppression;
import dev.nsbridge.klaviyo.profiles.KlaviyoProfile;
import dev.nsbridge.klaviyo.profiles.ProfileQuery;
import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.data.RecordSchema;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.source.Progress;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.source.Source;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Klaviyo profiles whose email marketing was suppressed after the watermark, oldest first, one batch per page of
 * 100. The watermark ({@code suppressed_after}) is the latest suppression time seen, so a run killed midway
 * continues after the last page written.
 */
public final class SuppressionSource implements Source {
    public static final String WATERMARK = "suppressed_after";
    static final StreamDescriptor STREAM = new StreamDescriptor("suppressed_profiles", List.of(
            new Column("profile_id", ColumnType.STRING), new Column("email", ColumnType.STRING),
            new Column("reason", ColumnType.STRING), new Column("suppressed_at", ColumnType.TIMESTAMP)),
            List.of("profile_id"), Optional.of("suppressed_at"));

    private final KlaviyoClient klaviyo;
    private final Instant start;

    /** @param start where the first run begins: the history start, or the epoch for every suppression */
    public SuppressionSource(KlaviyoClient klaviyo, Instant start) {
        this.klaviyo = klaviyo;
        this.start = start;
    }

    @Override
    public List<StreamDescriptor> discover() {
        return List.of(STREAM);
    }

    @Override
    public BatchReader read(ReadRequest request) {
        Instant since = request.state().string(WATERMARK).map(Instant::parse).orElse(start);
        Stream<Page<KlaviyoProfile>> pages = klaviyo.profiles().pages(ProfileQuery.suppressedAfter(since));
        Iterator<Page<KlaviyoProfile>> iterator = pages.iterator();
        RecordSchema schema = new RecordSchema(STREAM.columns());
        return new BatchReader() {
            private State state = request.state();
            private long rows;

            @Override
            public Optional<Batch> next() throws InterruptedException {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("read of suppressions interrupted");
                }
                while (iterator.hasNext()) {
                    Page<KlaviyoProfile> page = iterator.next();
                    List<Object[]> cells = new ArrayList<>();
                    Instant latest = state.string(WATERMARK).map(Instant::parse).orElse(since);
                    for (KlaviyoProfile profile : page.items()) {
                        Optional<EmailSuppression> suppression = profile.suppressions().stream()
                                .filter(s -> s.timestamp() != null).max(Comparator.comparing(EmailSuppression::timestamp));
                        if (profile.email() == null || suppression.isEmpty()) {
                            continue;
                        }
                        cells.add(new Object[] {profile.id(), profile.email(), suppression.get().reason(),
                            suppression.get().timestamp()});
                        latest = suppression.get().timestamp().isAfter(latest) ? suppression.get().timestamp() : latest;
                    }
                    state = state.with(WATERMARK, latest.toString());
                    rows += cells.size();
                    if (!cells.isEmpty()) {
                        return Optional.of(Batch.of(schema, cells, state));
                    }
                }
                return Optional.empty();
            }

            @Override
            public Progress progress() {
                return new Progress(rows, OptionalLong.empty());
            }

            @Override
            public void close() {
                pages.close();
            }
        };
    }
}
