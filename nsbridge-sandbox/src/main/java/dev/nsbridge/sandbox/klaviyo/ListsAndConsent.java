package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lists, list membership and consent. Adding a profile to a list gives no consent; the subscribe job does, and
 * lifts UNSUBSCRIBE, SPAM_COMPLAINT and USER_SUPPRESSED suppressions, as the spec's description of it says.
 */
final class ListsAndConsent {
    static final String SUBSCRIBE_JOB = "profile-subscription-bulk-create-job";
    static final int MAX_MEMBERS_PER_CALL = 1_000;
    static final int MAX_SUBSCRIBERS_PER_CALL = 1_000;
    private static final int LIST_PAGE_SIZE = 10;

    private record StoredList(String id, String name, String optInProcess, Instant created, Set<String> members) {
    }

    private final KlaviyoStore store;
    private final Map<String, StoredList> lists = new LinkedHashMap<>();
    private final List<KlaviyoSubscription> subscriptions = new ArrayList<>();

    ListsAndConsent(KlaviyoStore store) {
        this.store = store;
    }

    /** {@code POST /api/lists}: 201; a new list is single opt-in unless asked otherwise. */
    ApiAnswer create(ApiCall call) {
        JsonNode attributes = call.body().at("/data/attributes");
        String optIn = attributes.path("opt_in_process").asText("single_opt_in");
        StoredList list = new StoredList(store.ids.shortId(), attributes.get("name").asText(), optIn, call.now(),
                new LinkedHashSet<>());
        lists.put(list.id(), list);
        return ApiAnswer.of(201, JsonApi.document(Resources.list(view(list), call.baseUrl()), call.selfUrl()));
    }

    /** {@code GET /api/lists}: ten a page, in creation order, with an opaque cursor. */
    ApiAnswer page(ApiCall call) {
        int size = Optional.ofNullable(call.queryParam("page[size]")).map(Integer::parseInt).orElse(LIST_PAGE_SIZE);
        int offset = Cursors.offset(call.queryParam("page[cursor]"));
        List<StoredList> all = new ArrayList<>(lists.values());
        ArrayNode data = JsonApi.array();
        all.stream().skip(offset).limit(size).forEach(list -> data.add(Resources.list(view(list), call.baseUrl())));
        var document = JsonApi.document(data, call.selfUrl());
        if (offset + size < all.size()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) document.get("links"))
                    .put("next", Cursors.next(call, offset + size));
        }
        return ApiAnswer.of(200, document);
    }

    /** {@code POST /api/lists/{id}/relationships/profiles}: 204; up to 1,000 existing profile ids. */
    ApiAnswer addProfiles(ApiCall call) {
        String listId = call.pathParam("id");
        requireList(listId);
        JsonNode data = call.body().get("data");
        if (data.size() > MAX_MEMBERS_PER_CALL) {
            throw KlaviyoApiException.invalid("Up to 1,000 profiles can be added per call; got " + data.size() + ".",
                    "/data");
        }
        for (int i = 0; i < data.size(); i++) {
            String profileId = data.get(i).get("id").asText();
            if (store.profiles.find(profileId).isEmpty()) {
                throw KlaviyoApiException.invalid("There is no profile with id '" + profileId + "'.",
                        "/data/" + i + "/id");
            }
        }
        data.forEach(entry -> addMember(listId, entry.get("id").asText()));
        return ApiAnswer.empty(204);
    }

    /**
     * {@code POST /api/profile-subscription-bulk-create-jobs}: 202 without a body (the spec gives it none). The
     * request is checked whole before anything is queued; the consents are then recorded as the job runs.
     */
    ApiAnswer subscribe(ApiCall call) {
        JsonNode attributes = call.body().at("/data/attributes");
        JsonNode profiles = attributes.at("/profiles/data");
        if (profiles.size() > MAX_SUBSCRIBERS_PER_CALL) {
            throw KlaviyoApiException.invalid("Up to 1,000 profiles can be subscribed per call; got "
                    + profiles.size() + ".", "/data/attributes/profiles/data");
        }
        boolean historical = attributes.path("historical_import").asBoolean(false);
        String listId = call.body().at("/data/relationships/list/data/id").asText(null);
        if (listId != null) {
            requireList(listId);
        }
        List<JobQueue.Item> items = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            JsonNode profile = profiles.get(i);
            String pointer = "/data/attributes/profiles/data/" + i + "/attributes";
            Consents consents = Consents.read(profile.get("attributes"), historical, call.now(), pointer);
            items.add(new JobQueue.Item(profile, () -> {
                recordConsent(profile.get("attributes"), consents, historical, listId);
                return Optional.empty();
            }));
        }
        store.jobs.submit(SUBSCRIBE_JOB, call.now(), items);
        return ApiAnswer.empty(202);
    }

    private void recordConsent(JsonNode attributes, Consents consents, boolean historical, String listId) {
        Instant now = store.now();
        JsonNode identifiers = JsonApi.object()
                .put("email", attributes.path("email").asText(null))
                .put("phone_number", attributes.path("phone_number").asText(null));
        StoredProfile profile = store.profiles.upsert(null, identifiers, false, now, "/data/attributes").profile();
        if (consents.email()) {
            consent(profile.email, consents.emailAt(), now, historical);
            profile.suppressions.removeIf(s -> s.reason().liftedBySubscribing());
            subscriptions.add(new KlaviyoSubscription(profile.id, "email", consents.emailAt(), historical, listId,
                    now));
        }
        if (consents.sms()) {
            consent(profile.sms, consents.smsAt(), now, historical);
            subscriptions.add(new KlaviyoSubscription(profile.id, "sms", consents.smsAt(), historical, listId, now));
        }
        profile.updated = now;
        if (listId != null) {
            addMember(listId, profile.id);
        }
    }

    private static void consent(StoredProfile.Consent channel, Instant consentedAt, Instant now, boolean historical) {
        channel.consent = "SUBSCRIBED";
        channel.timestamp = consentedAt == null ? now : consentedAt;
        channel.lastUpdated = now;
        channel.method = historical ? "HISTORICAL_IMPORT" : "API";
    }

    /** Marks an email suppressed, as an unsubscribe or a bounce would; an unsubscribe also ends consent. */
    String suppress(String email, SuppressionReason reason, Instant timestamp) {
        StoredProfile profile = store.profiles.findOrCreateByEmail(email, store.now());
        profile.suppressions.add(new KlaviyoSuppression(profile.id, profile.text("email"), reason, timestamp));
        if (reason == SuppressionReason.UNSUBSCRIBE || reason == SuppressionReason.SPAM_COMPLAINT) {
            profile.email.consent = "UNSUBSCRIBED";
            profile.email.lastUpdated = timestamp;
        }
        profile.updated = store.now();
        return profile.id;
    }

    void requireList(String listId) {
        if (!lists.containsKey(listId)) {
            throw new KlaviyoApiException(ApiError.notFound("There is no list with id '" + listId + "'."));
        }
    }

    void addMember(String listId, String profileId) {
        lists.get(listId).members().add(profileId);
    }

    List<KlaviyoList> views() {
        return lists.values().stream().map(ListsAndConsent::view).toList();
    }

    List<KlaviyoSubscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    private static KlaviyoList view(StoredList list) {
        return new KlaviyoList(list.id(), list.name(), list.optInProcess(), list.created(),
                List.copyOf(list.members()));
    }
}
