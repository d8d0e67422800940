package dev.nsbridge.app.connect;

import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.config.ConfigKey;
import dev.nsbridge.spi.connection.CheckResult;
import dev.nsbridge.spi.connection.ConnectionContext;
import dev.nsbridge.spi.connection.ConnectionRole;
import dev.nsbridge.spi.connection.ConnectionType;
import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.data.RecordSchema;
import dev.nsbridge.spi.secret.Secret;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.source.Source;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.util.ArrayList;
import dev.nsbridge.testsupport.FixedBatches;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A system that exists only in the tests, added the way a real one is: this class and one line in
 * {@code src/test/resources/META-INF/services}, nothing else in the program. It serves one table of widgets.
 */
public final class FakeConnectionType implements ConnectionType {
    public static final String NAME = "fake";
    public static final ConfigKey<Integer> WIDGETS = ConfigKey.integer("widgets", "How many widgets it serves.")
            .withDefault(3);
    public static final ConfigKey<Secret> TOKEN = ConfigKey.secret("token", "Its access token.").required();
    public static final ConfigKey<Boolean> REACHABLE = ConfigKey.bool("reachable",
            "Whether its check finds it answering.").withDefault(true);
    public static final StreamDescriptor WIDGET = new StreamDescriptor("widget", List.of(
            new Column("id", ColumnType.INTEGER), new Column("name", ColumnType.STRING)), List.of("id"),
            Optional.empty());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "A system the tests make up: one table of widgets.";
    }

    @Override
    public ConfigDef definition() {
        return ConfigDef.of(WIDGETS, TOKEN, REACHABLE);
    }

    @Override
    public Set<ConnectionRole> roles() {
        return Set.of(ConnectionRole.EXTRACT_SOURCE);
    }

    @Override
    public CheckResult check(ConnectionContext context) {
        if (!context.values().get(REACHABLE)) {
            return CheckResult.failed("the widget service did not answer", "set reachable: true");
        }
        String detail = "token accepted; " + context.values().get(WIDGETS) + " widgets on offer";
        return CheckResult.passed("Fake: " + detail + "\n", Map.of("detail", detail));
    }

    @Override
    public Source source(ConnectionContext context) {
        List<Object[]> rows = widgets(context.values().get(WIDGETS));
        return new Source() {
            @Override
            public List<StreamDescriptor> discover() {
                return List.of(WIDGET);
            }

            @Override
            public BatchReader read(ReadRequest request) {
                return new FixedBatches(List.of(Batch.of(new RecordSchema(WIDGET.columns()), rows,
                        request.state())));
            }
        };
    }

    /** The widgets a connection with {@code count} serves: ids from 1, each named for its id. */
    public static List<Object[]> widgets(int count) {
        List<Object[]> rows = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            rows.add(new Object[] {id, "widget nº " + id});
        }
        return rows;
    }
}
