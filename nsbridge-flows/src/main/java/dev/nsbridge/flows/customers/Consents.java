package dev.nsbridge.flows.customers;

import dev.nsbridge.flows.customers.ConsentLedger.Pending;
import dev.nsbridge.flows.delivery.DryRunPayload;
import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.flows.delivery.Json;
import dev.nsbridge.flows.delivery.Refusals;
import dev.nsbridge.flows.delivery.WriteOptions;
import dev.nsbridge.klaviyo.KlaviyoClient;
import dev.nsbridge.klaviyo.lists.Subscription;
import dev.nsbridge.klaviyo.profiles.KlaviyoProfile;
import dev.nsbridge.klaviyo.profiles.ProfileFilter;
import dev.nsbridge.klaviyo.profiles.ProfileQuery;
import dev.nsbridge.spi.data.RecordError;
import dev.nsbridge.spi.errors.RecordException;
import dev.nsbridge.spi.state.Ledger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Marketing consent for the customers NetSuite shows as opted in (soft or confirmed), and for nobody else:
 * subscribing clears Klaviyo's suppressions, so an opt-out is never subscribed, not even by mistake of a setting.
 *
 * <p>Consent given before the flow went live is sent as a historical import, so Klaviyo neither asks for double
 * opt-in nor starts "added to list" flows for people who agreed long ago. NetSuite keeps no consent date; the
 * customer's last modification is the latest moment the opt-in certainly existed, so it stands as
 * {@code consented_at}. A customer changed since go-live is subscribed normally: its consent may be new.
 *
 * <p>A consent is sent once. NetSuite moves lastmodifieddate on every edit, including nsbridge's own profile-id
 * write-back, so a customer read again (after a crash between the write-back and the batch's commit, or after any
 * later edit) would otherwise be sent as a fresh, non-historical consent, firing double opt-in and list-triggered
 * flows, or as history with a later {@code consented_at}. Two durable records decide, never this process's memory:
 * <ul>
 *   <li>the flow's {@link ConsentLedger}, written before each subscribe request and confirmed after it, so a channel
 *       once sent is not sent again, even to a profile that has since unsubscribed in Klaviyo; a send a crash
 *       interrupted (outcome unknown) is repeated as history of the moment it stood for, never as new;</li>
 *   <li>Klaviyo's own consent, for what the ledger cannot know (a store replaced, a flow renamed): a channel Klaviyo
 *       holds as {@code SUBSCRIBED} is not sent. One
 *       {@code GET /api/profiles?filter=any(external_id,[…])&additional-fields[profile]=subscriptions} per 100
 *       opted-in customers (a page's most).</li>
 * </ul>
 */
public final class Consents {
    static final String PATH = "/api/profile-subscription-bulk-create-jobs";
    private static final String SUBSCRIBED = "SUBSCRIBED";

    private final KlaviyoClient klaviyo;
    private final String listId;
    private final Instant liveSince;
    private final Clock clock;
    private final ConsentLedger ledger;

    /** @param ledger the flow's durable ledger (in memory only for a dry run's preview) */
    public Consents(KlaviyoClient klaviyo, String listId, Instant liveSince, Clock clock, Ledger ledger) {
        this.klaviyo = klaviyo;
        this.listId = listId;
        this.liveSince = liveSince;
        this.clock = clock;
        this.ledger = new ConsentLedger(ledger, listId);
    }

    /** Subscribes whoever may be; answers a record error for each one Klaviyo refused. */
    List<RecordError> subscribe(List<Outgoing> imported, WriteOptions options, DryRunRecorder recorder) {
        if (!options.dryRun()) {
            ledger.withdrawn(imported.stream().filter(out -> out.decision().optedOut()).toList());
        }
        List<Outgoing> wanted = imported.stream()
                .filter(out -> out.decision().subscribeEmail() || out.decision().subscribeSms()).toList();
        // A dry run contacts nobody, so it previews consent as if Klaviyo held none yet.
        Map<String, KlaviyoProfile> known = options.dryRun() ? Map.of() : held(wanted);
        Map<String, ConsentLedger.Entry> sent = ledger.find(wanted);
        List<Pending> historical = new ArrayList<>();
        List<Pending> current = new ArrayList<>();
        for (Outgoing out : wanted) {
            pending(out, known.get(out.profile().externalId()), sent)
                    .ifPresent(each -> (each.historical() ? historical : current).add(each));
        }
        if (options.dryRun()) {
            historical.forEach(each -> recorder.record(payload(options, each)));
            current.forEach(each -> recorder.record(payload(options, each)));
            return List.of();
        }
        List<RecordError> errors = new ArrayList<>();
        send(historical, true, errors);
        send(current, false, errors);
        return errors;
    }

    /** Klaviyo's profiles of these customers, with their consent, by external id. */
    private Map<String, KlaviyoProfile> held(List<Outgoing> wanted) {
        Map<String, KlaviyoProfile> known = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += ProfileQuery.MAX_PAGE_SIZE) {
            List<String> ids = wanted.subList(from, Math.min(wanted.size(), from + ProfileQuery.MAX_PAGE_SIZE))
                    .stream().map(out -> out.profile().externalId()).distinct().toList();
            try (var profiles = klaviyo.profiles().profiles(new ProfileQuery(
                    ProfileFilter.anyOf(ProfileFilter.TextField.EXTERNAL_ID, ids), null, ProfileQuery.MAX_PAGE_SIZE,
                    true))) {
                profiles.filter(profile -> profile.externalId() != null)
                        .forEach(profile -> known.put(profile.externalId(), profile));
            }
        }
        return known;
    }

    /**
     * The customer with only the channels neither the ledger nor Klaviyo holds as sent, and how to send them;
     * empty when none is left.
     */
    private Optional<Pending> pending(Outgoing out, KlaviyoProfile profile, Map<String, ConsentLedger.Entry> sent) {
        Optional<ConsentLedger.Entry> email = ledger.entry(sent, out, ConsentLedger.Channel.EMAIL);
        Optional<ConsentLedger.Entry> sms = ledger.entry(sent, out, ConsentLedger.Channel.SMS);
        boolean sendEmail = out.decision().subscribeEmail() && !subscribed(profile, true)
                && email.map(entry -> !entry.confirmed()).orElse(true);
        boolean sendSms = out.decision().subscribeSms() && !subscribed(profile, false)
                && sms.map(entry -> !entry.confirmed()).orElse(true);
        if (!sendEmail && !sendSms) {
            return Optional.empty();
        }
        ProfileDecision.Send send = out.decision();
        Outgoing rest = new Outgoing(new ProfileDecision.Send(send.customerId(), send.attributes(), sendEmail, sendSms,
                send.optedOut(), send.dropped()), out.profile(), out.row());
        Optional<ConsentLedger.Entry> interrupted = (sendEmail ? email : Optional.<ConsentLedger.Entry>empty())
                .or(() -> sendSms ? sms : Optional.empty());
        if (interrupted.isPresent()) {
            return Optional.of(new Pending(rest, true, interrupted.get().consentedAt()));
        }
        return Optional.of(isHistorical(out) ? new Pending(rest, true, (Instant) out.row().get("lastmodifieddate"))
                : new Pending(rest, false, clock.instant()));
    }

    private static boolean subscribed(KlaviyoProfile profile, boolean email) {
        return profile != null && SUBSCRIBED.equals(email ? profile.emailConsent() : profile.smsConsent());
    }

    private void send(List<Pending> group, boolean historicalImport, List<RecordError> errors) {
        if (group.isEmpty()) {
            return;
        }
        ledger.sending(group);
        try {
            klaviyo.subscriptions().subscribe(listId, group.stream().map(Consents::subscription).toList(),
                    historicalImport);
        } catch (RecordException refusal) {
            if (group.size() == 1) {
                ledger.refused(group);
                errors.add(Refusals.of(group.get(0).out().key(), refusal, body(group.get(0))));
                return;
            }
            // The request is refused as a whole; halving finds the records at fault without losing the others.
            int half = group.size() / 2;
            send(group.subList(0, half), historicalImport, errors);
            send(group.subList(half, group.size()), historicalImport, errors);
            return;
        }
        ledger.sent(group);
    }

    boolean isHistorical(Outgoing out) {
        Object modified = out.row().get("lastmodifieddate");
        return modified instanceof Instant at && at.isBefore(liveSince) && at.isBefore(clock.instant());
    }

    private static Subscription subscription(Pending pending) {
        Outgoing out = pending.out();
        return new Subscription(out.decision().subscribeEmail() ? out.profile().email() : null,
                out.decision().subscribeSms() ? out.profile().phoneNumber() : null, out.decision().subscribeEmail(),
                out.decision().subscribeSms(), pending.historical() ? pending.consentedAt() : null);
    }

    private DryRunPayload payload(WriteOptions options, Pending pending) {
        return new DryRunPayload(options.pipeline(), pending.out().key(), "POST", PATH, Json.text(body(pending)));
    }

    /** The job's body for this one profile, in the shape the Klaviyo client sends. */
    Map<String, Object> body(Pending pending) {
        Subscription subscription = subscription(pending);
        boolean historicalImport = pending.historical();
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (subscription.email() != null) {
            attributes.put("email", subscription.email());
        }
        if (subscription.phoneNumber() != null) {
            attributes.put("phone_number", subscription.phoneNumber());
        }
        Map<String, Object> channels = new LinkedHashMap<>();
        Map<String, Object> marketing = new LinkedHashMap<>();
        marketing.put("consent", "SUBSCRIBED");
        if (subscription.consentedAt() != null) {
            marketing.put("consented_at", subscription.consentedAt().toString());
        }
        if (subscription.emailMarketing()) {
            channels.put("email", Map.of("marketing", marketing));
        }
        if (subscription.smsMarketing()) {
            channels.put("sms", Map.of("marketing", marketing));
        }
        attributes.put("subscriptions", channels);
        Map<String, Object> jobAttributes = new LinkedHashMap<>();
        jobAttributes.put("profiles", Map.of("data", List.of(Map.of("type", "profile", "attributes", attributes))));
        if (historicalImport) {
            jobAttributes.put("historical_import", true);
        }
        return Map.of("data", Map.of("type", "profile-subscription-bulk-create-job", "attributes", jobAttributes,
                "relationships", Map.of("list", Map.of("data", Map.of("type", "list", "id", listId)))));
    }
}
