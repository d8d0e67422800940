package dev.nsbridge.flows.customers;

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
 * <p>A channel Klaviyo already holds as {@code SUBSCRIBED} is never sent again. NetSuite moves lastmodifieddate on
 * every edit, including nsbridge's own profile-id write-back, so a customer read again (after a crash between the
 * write-back and the batch's commit, or after any later edit) would otherwise be sent as a fresh, non-historical
 * consent, firing double opt-in and list-triggered flows, or as history with a later {@code consented_at}. Klaviyo's
 * record of consent is durable and the one that counts, so the decision rests on it rather than on anything this
 * process remembers: one
 * {@code GET /api/profiles?filter=any(external_id,[…])&additional-fields[profile]=subscriptions}
 * per 100 opted-in customers (a page's most). Klaviyo runs a subscribe job after answering 202, so a process
 * restarted within the moment the job takes could still find the consent missing and send it again; a restart
 * normally takes longer than the job.
 */
public final class Consents {
    static final String PATH = "/api/profile-subscription-bulk-create-jobs";
    private static final String SUBSCRIBED = "SUBSCRIBED";

    private final KlaviyoClient klaviyo;
    private final String listId;
    private final Instant liveSince;
    private final Clock clock;

    public Consents(KlaviyoClient klaviyo, String listId, Instant liveSince, Clock clock) {
        this.klaviyo = klaviyo;
        this.listId = listId;
        this.liveSince = liveSince;
        this.clock = clock;
    }

    /** Subscribes whoever may be; answers a record error for each one Klaviyo refused. */
    List<RecordError> subscribe(List<Outgoing> imported, WriteOptions options, DryRunRecorder recorder) {
        List<Outgoing> historical = new ArrayList<>();
        List<Outgoing> current = new ArrayList<>();
        List<Outgoing> wanted = imported.stream()
                .filter(out -> out.decision().subscribeEmail() || out.decision().subscribeSms()).toList();
        // A dry run contacts nobody, so it previews consent as if Klaviyo held none yet.
        Map<String, KlaviyoProfile> known = options.dryRun() ? Map.of() : held(wanted);
        for (Outgoing out : wanted) {
            notYetHeld(out, known.get(out.profile().externalId()))
                    .ifPresent(rest -> (isHistorical(rest) ? historical : current).add(rest));
        }
        if (options.dryRun()) {
            historical.forEach(out -> recorder.record(payload(options, out, true)));
            current.forEach(out -> recorder.record(payload(options, out, false)));
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

    /** The customer with only the channels Klaviyo does not hold as subscribed yet; empty when none is left. */
    private static Optional<Outgoing> notYetHeld(Outgoing out, KlaviyoProfile profile) {
        if (profile == null) {
            return Optional.of(out);
        }
        boolean email = out.decision().subscribeEmail() && !SUBSCRIBED.equals(profile.emailConsent());
        boolean sms = out.decision().subscribeSms() && !SUBSCRIBED.equals(profile.smsConsent());
        if (!email && !sms) {
            return Optional.empty();
        }
        ProfileDecision.Send send = out.decision();
        return Optional.of(new Outgoing(new ProfileDecision.Send(send.customerId(), send.attributes(), email, sms,
                send.optedOut(), send.dropped()), out.profile(), out.row()));
    }

    private void send(List<Outgoing> group, boolean historicalImport, List<RecordError> errors) {
        if (group.isEmpty()) {
            return;
        }
        try {
            klaviyo.subscriptions().subscribe(listId, group.stream().map(out -> subscription(out, historicalImport))
                    .toList(), historicalImport);
        } catch (RecordException refusal) {
            if (group.size() == 1) {
                errors.add(Refusals.of(group.get(0).key(), refusal, body(group.get(0), historicalImport)));
                return;
            }
            // The request is refused as a whole; halving finds the records at fault without losing the others.
            int half = group.size() / 2;
            send(group.subList(0, half), historicalImport, errors);
            send(group.subList(half, group.size()), historicalImport, errors);
        }
    }

    boolean isHistorical(Outgoing out) {
        Object modified = out.row().get("lastmodifieddate");
        return modified instanceof Instant at && at.isBefore(liveSince) && at.isBefore(clock.instant());
    }

    private Subscription subscription(Outgoing out, boolean historicalImport) {
        return new Subscription(out.decision().subscribeEmail() ? out.profile().email() : null,
                out.decision().subscribeSms() ? out.profile().phoneNumber() : null, out.decision().subscribeEmail(),
                out.decision().subscribeSms(), historicalImport ? (Instant) out.row().get("lastmodifieddate") : null);
    }

    private DryRunPayload payload(WriteOptions options, Outgoing out, boolean historicalImport) {
        return new DryRunPayload(options.pipeline(), out.key(), "POST", PATH, Json.text(body(out, historicalImport)));
    }

    /** The job's body for this one profile, in the shape the Klaviyo client sends. */
    Map<String, Object> body(Outgoing out, boolean historicalImport) {
        Subscription subscription = subscription(out, historicalImport);
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
