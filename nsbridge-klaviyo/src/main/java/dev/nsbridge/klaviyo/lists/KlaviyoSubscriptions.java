package dev.nsbridge.klaviyo.lists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.klaviyo.http.BatchSplitter;
import dev.nsbridge.klaviyo.http.JsonApi;
import dev.nsbridge.klaviyo.http.KlaviyoHttp;
import dev.nsbridge.klaviyo.limits.Operation;
import dev.nsbridge.spi.errors.RecordException;
import java.time.Clock;
import java.util.List;

/**
 * {@code POST /api/profile-subscription-bulk-create-jobs}: consent, 1,000 profiles a request. Answers 202 with no
 * job id, so there is nothing to poll.
 */
public final class KlaviyoSubscriptions {
    public static final BatchSplitter LIMITS = new BatchSplitter(1_000, BatchSplitter.FIVE_MB, BatchSplitter.FIVE_MB);

    private final KlaviyoHttp http;
    private final Clock clock;
    private final BatchSplitter limits;

    public KlaviyoSubscriptions(KlaviyoHttp http, Clock clock) {
        this(http, clock, LIMITS);
    }

    public KlaviyoSubscriptions(KlaviyoHttp http, Clock clock, BatchSplitter limits) {
        this.http = http;
        this.clock = clock;
        this.limits = limits;
    }

    /**
     * @param listId           the list to subscribe to (its opt-in setting applies), or {@code null} for the
     *                         account's default
     * @param historicalImport consent collected earlier: no double opt-in, no "added to list" flows; every
     *                         subscription then needs a past {@code consentedAt}
     * @return how many requests were sent
     */
    public int subscribe(String listId, List<Subscription> subscriptions, boolean historicalImport) {
        if (historicalImport) {
            for (int i = 0; i < subscriptions.size(); i++) {
                Subscription subscription = subscriptions.get(i);
                if (subscription.consentedAt() == null || !subscription.consentedAt().isBefore(clock.instant())) {
                    throw new RecordException("KLAVIYO_CONSENT_TIME", "Subscription " + i + " is a historical import"
                            + " without a past consented_at", "Give the time the person consented.");
                }
            }
        }
        List<JsonNode> items = subscriptions.stream().<JsonNode>map(KlaviyoSubscriptions::profile).toList();
        int envelopeBytes = JsonApi.bytes(envelope(List.of(), listId, historicalImport)).length;
        List<List<JsonNode>> chunks = limits.split(items, envelopeBytes);
        for (List<JsonNode> chunk : chunks) {
            http.post(Operation.BULK_SUBSCRIBE_PROFILES, Operation.BULK_SUBSCRIBE_PROFILES.pathTemplate(),
                    envelope(chunk, listId, historicalImport));
        }
        return chunks.size();
    }

    /** The spec's {@code ProfileSubscriptionCreateQueryResourceObject}. */
    private static ObjectNode profile(Subscription subscription) {
        ObjectNode profile = JsonApi.resource("profile");
        ObjectNode attributes = (ObjectNode) profile.get("attributes");
        if (subscription.email() != null) {
            attributes.put("email", subscription.email());
        }
        if (subscription.phoneNumber() != null) {
            attributes.put("phone_number", subscription.phoneNumber());
        }
        ObjectNode channels = attributes.putObject("subscriptions");
        if (subscription.emailMarketing()) {
            marketing(channels.putObject("email"), subscription);
        }
        if (subscription.smsMarketing()) {
            marketing(channels.putObject("sms"), subscription);
        }
        return profile;
    }

    private static void marketing(ObjectNode channel, Subscription subscription) {
        ObjectNode marketing = channel.putObject("marketing").put("consent", "SUBSCRIBED");
        if (subscription.consentedAt() != null) {
            marketing.put("consented_at", JsonApi.instant(subscription.consentedAt()));
        }
    }

    private static ObjectNode envelope(List<JsonNode> profiles, String listId, boolean historicalImport) {
        ObjectNode job = JsonApi.resource("profile-subscription-bulk-create-job");
        ObjectNode attributes = (ObjectNode) job.get("attributes");
        attributes.putObject("profiles").putArray("data").addAll(profiles);
        if (historicalImport) {
            attributes.put("historical_import", true);
        }
        if (listId != null) {
            job.putObject("relationships").putObject("list").putObject("data").put("type", "list").put("id", listId);
        }
        return JsonApi.document(job);
    }
}
