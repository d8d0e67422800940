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
 * What a flow's delivery half needs: the Klaviyo client, the flow's parsed {@code settings:}, when the flow went
 * live, a clock, the dry-run recorder and the flow's ledger. It reads nothing from NetSuite, so a process that only
 * delivers (the Kafka Connect sink) never opens a NetSuite connection.
 *
 * @param profileIdWriteBack the NetSuite client the customers flow writes Klaviyo's profile ids back with; absent,
 *                           no id is written back whatever {@code write_back_profile_id} says
 */
public record DeliveryContext(KlaviyoClient klaviyo, ConfigValues settings, Instant liveSince, Clock clock,
                              DryRunRecorder recorder, Ledger ledger, Optional<NetSuiteClient> profileIdWriteBack) {
    public DeliveryContext {
        Objects.requireNonNull(klaviyo, "klaviyo");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(liveSince, "liveSince");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(recorder, "recorder");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(profileIdWriteBack, "profileIdWriteBack");
    }
}
