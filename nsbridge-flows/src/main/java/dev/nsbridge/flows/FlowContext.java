package dev.nsbridge.flows;

import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.klaviyo.KlaviyoClient;
import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.spi.config.ConfigValues;
import dev.nsbridge.spi.state.Ledger;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the app hands a flow type to build a pipeline: both clients, the flow's parsed {@code settings:}, when the
 * flow went live (events before it are history: backfill, historical consent), a clock and the flow's ledger.
 *
 * @param settings  parsed by the flow type's {@link FlowType#settings()}
 * @param liveSince the go-live instant ({@code nsbridge golive} records it)
 * @param recorder  where a dry run's payloads go, for the CLI to print
 * @param ledger    the flow's durable record of what it sent (consents), kept apart from its checkpoint
 */
public record FlowContext(NetSuiteClient netSuite, KlaviyoClient klaviyo, ConfigValues settings, Instant liveSince,
                          Clock clock, DryRunRecorder recorder, Ledger ledger) {
    public FlowContext {
        Objects.requireNonNull(netSuite, "netSuite");
        Objects.requireNonNull(klaviyo, "klaviyo");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(liveSince, "liveSince");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(recorder, "recorder");
        Objects.requireNonNull(ledger, "ledger");
    }

    /** The delivery half's part: everything but the NetSuite read, which only writes profile ids back. */
    public DeliveryContext delivery() {
        return new DeliveryContext(klaviyo, settings, liveSince, clock, recorder, ledger, Optional.of(netSuite));
    }
}
