package dev.nsbridge.flows;

import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.klaviyo.KlaviyoClient;
import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.spi.config.ConfigValues;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * What the app hands a flow type to build a pipeline: both clients, the flow's parsed {@code settings:}, when the
 * flow went live (events before it are history: backfill, historical consent) and a clock.
 *
 * @param settings  parsed by the flow type's {@link FlowType#settings()}
 * @param liveSince the go-live instant ({@code nsbridge golive} records it)
 * @param recorder  where a dry run's payloads go, for the CLI to print
 */
public record FlowContext(NetSuiteClient netSuite, KlaviyoClient klaviyo, ConfigValues settings, Instant liveSince,
                          Clock clock, DryRunRecorder recorder) {
    public FlowContext {
        Objects.requireNonNull(netSuite, "netSuite");
        Objects.requireNonNull(klaviyo, "klaviyo");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(liveSince, "liveSince");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(recorder, "recorder");
    }
}
