package dev.nsbridge.flows.customers;

import dev.nsbridge.spi.state.Ledger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The consents this flow has sent, per list, customer and channel, in the pipeline's durable ledger. An entry is
 * written as {@code sending} before the subscribe request goes out and becomes {@code sent} once Klaviyo has
 * answered 202; so whatever moment a process dies at, the next one knows a consent may already be on its way
 * (Klaviyo applies a subscribe job after it answers, so asking Klaviyo right after a crash can find nothing yet).
 * Each entry keeps the {@code consented_at} the consent stands for, so a repeat never moves it.
 *
 * <p>An opt-out seen in NetSuite forgets the customer's entries: an opt-in after it is new consent.
 */
final class ConsentLedger {
    enum Channel { EMAIL, SMS }

    /**
     * What the ledger holds for one channel.
     *
     * @param confirmed   Klaviyo accepted the subscribe request ({@code sent}); otherwise the process died or the
     *                    request failed with the outcome unknown ({@code sending})
     * @param consentedAt the moment the consent stands for
     */
    record Entry(boolean confirmed, Instant consentedAt) {
    }

    private static final String SENDING = "sending";
    private static final String SENT = "sent";

    private final Ledger ledger;
    private final String listId;

    ConsentLedger(Ledger ledger, String listId) {
        this.ledger = ledger;
        this.listId = listId;
    }

    /** The entries for the wanted channels of these customers, by {@link #key}. */
    Map<String, Entry> find(List<Outgoing> customers) {
        List<String> keys = new ArrayList<>();
        for (Outgoing out : customers) {
            for (Channel channel : Channel.values()) {
                keys.add(key(out, channel));
            }
        }
        Map<String, Entry> entries = new HashMap<>();
        ledger.find(keys).forEach((key, value) -> entries.put(key, decode(value)));
        return entries;
    }

    /** Marks the channels of these pending consents as on their way, before the request goes out. */
    void sending(List<Pending> pending) {
        ledger.put(values(pending, SENDING));
    }

    /** Marks them as accepted by Klaviyo. */
    void sent(List<Pending> pending) {
        ledger.put(values(pending, SENT));
    }

    /** Forgets them: Klaviyo refused the request, so nothing of it was applied. */
    void refused(List<Pending> pending) {
        ledger.remove(values(pending, SENT).keySet());
    }

    /** Forgets every channel of customers NetSuite now shows as opted out. */
    void withdrawn(List<Outgoing> optedOut) {
        if (optedOut.isEmpty()) {
            return;
        }
        Map<String, Entry> held = find(optedOut);
        if (!held.isEmpty()) {
            ledger.remove(held.keySet());
        }
    }

    /** The entry of one channel among those {@link #find} answered, if any. */
    Optional<Entry> entry(Map<String, Entry> entries, Outgoing out, Channel channel) {
        return Optional.ofNullable(entries.get(key(out, channel)));
    }

    private String key(Outgoing out, Channel channel) {
        return "consent/" + listId + "/" + out.profile().externalId() + "/" + channel.name().toLowerCase(Locale.ROOT);
    }

    private Map<String, String> values(List<Pending> pending, String state) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Pending each : pending) {
            String value = state + " " + each.consentedAt();
            if (each.out().decision().subscribeEmail()) {
                values.put(key(each.out(), Channel.EMAIL), value);
            }
            if (each.out().decision().subscribeSms()) {
                values.put(key(each.out(), Channel.SMS), value);
            }
        }
        return values;
    }

    private static Entry decode(String value) {
        int space = value.indexOf(' ');
        return new Entry(SENT.equals(value.substring(0, space)), Instant.parse(value.substring(space + 1)));
    }

    /**
     * A consent about to be sent.
     *
     * @param historical  sent with {@code historical_import}, {@code consentedAt} as its {@code consented_at}
     * @param consentedAt the moment the consent stands for: the customer's last change for history, the moment of
     *                    sending for a new consent
     */
    record Pending(Outgoing out, boolean historical, Instant consentedAt) {
    }
}
