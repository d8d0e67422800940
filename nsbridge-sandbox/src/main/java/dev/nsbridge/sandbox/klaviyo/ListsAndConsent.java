package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lists, list membership and consent. Adding a profile to a list gives no consent; the subscribe job does, and
 * lifts UNSUBSCRIBE, SPAM_COMPLAINT and USER_SUPPRESSED suppressions, as the spec's description of it says. The
 * unsubscribe job ends consent: for the members of the list it names, on that list only; for everyone else,
 * globally ("Profiles not in the specified list will be globally unsubscribed").
 */
final class ListsAndConsent {
    static final String SUBSCRIBE_JOB = "profile-subscription-bulk-create-job";
    static final String UNSUBSCRIBE_JOB = "profile-subscription-bulk-delete-job";
    static final int MAX_MEMBERS_PER_CALL = 1_000;
    static final int MAX_SUBSCRIBERS_PER_CALL = 1_000;
    /** The spec: "Maximum number of profiles per call: 100". */
    static final int MAX_UNSUBSCRIBERS_PER_CALL = 100;
    private static final int LIST_PAGE_SIZE = 10;

    /** A list; its members in the order they joined, with the time each joined ({@code joined_group_at}). */
    private record StoredList(String id, String name, String optInProcess, Instant created,
                              Map<String, Instant> members) {
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
                new LinkedHashMap<>());
        lists.put(list.id(), list);
        return ApiAnswer.of(201, JsonApi.document(Resources.list(view(list), call.baseUrl()), call.selfUrl()));
    }

    /** {@code GET /api/lists}: ten a page, in creation order, with an opaque cursor. */
    ApiAnswer page(ApiCall call) {
        return Paging.page(call, views(), LIST_PAGE_SIZE, list -> Resources.list(list, call.baseUrl()));
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
        data.forEach(entry -> addMember(listId, entry.get("id").asText(), call.now()));
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
        String listId = optionalList(call);
        List<JobQueue.Item> items = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            JsonNode profile = profiles.get(i);
            String pointer = "/data/attributes/profiles/data/" + i + "/attributes";
            Consents consents = Consents.read(profile.get("attributes"), historical, call.now(), pointer);
            items.add(new JobQueue.Item(profile, () -> {
                recordConsent(profile.get("attributes"), consents, historical, listId);
                return JobQueue.Outcome.DONE;
            }));
        }
        store.jobs.submit(SUBSCRIBE_JOB, call.now(), items);
        return ApiAnswer.empty(202);
    }

    /**
     * {@code POST /api/profile-subscription-bulk-delete-jobs}: 202 without a body. An email unsubscribe needs an
     * email and an SMS one a phone number; a profile unknown so far is created, as the subscribe job does.
     */
    ApiAnswer unsubscribe(ApiCall call) {
        JsonNode profiles = call.body().at("/data/attributes/profiles/data");
        if (profiles.size() > MAX_UNSUBSCRIBERS_PER_CALL) {
            throw KlaviyoApiException.invalid("Up to 100 profiles can be unsubscribed per call; got "
                    + profiles.size() + ".", "/data/attributes/profiles/data");
        }
        String listId = optionalList(call);
        List<JobQueue.Item> items = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            JsonNode attributes = profiles.get(i).get("attributes");
            String pointer = "/data/attributes/profiles/data/" + i + "/attributes";
            boolean email = attributes.at("/subscriptions/email/marketing").isObject();
            boolean sms = attributes.at("/subscriptions/sms").isObject();
            if (email && !ProfileBook.present(attributes, "email")) {
                throw KlaviyoApiException.invalid("An email unsubscribe needs an email address.", pointer + "/email");
            }
            if (sms && !ProfileBook.present(attributes, "phone_number")) {
                throw KlaviyoApiException.invalid("An SMS unsubscribe needs a phone number.",
                        pointer + "/phone_number");
            }
            ProfileBook.checkIdentifiers(attributes, pointer);
            items.add(new JobQueue.Item(profiles.get(i), () -> {
                recordUnsubscribe(attributes, email, sms, listId);
                return JobQueue.Outcome.DONE;
            }));
        }
        store.jobs.submit(UNSUBSCRIBE_JOB, call.now(), items);
        return ApiAnswer.empty(202);
    }

    private String optionalList(ApiCall call) {
        String listId = call.body().at("/data/relationships/list/data/id").asText(null);
        if (listId != null) {
            requireList(listId);
        }
        return listId;
    }

    private void recordConsent(JsonNode attributes, Consents consents, boolean historical, String listId) {
        Instant now = store.now();
        StoredProfile profile = store.profiles.upsert(null, identifiers(attributes), false, now, "/data/attributes")
                .profile();
        if (consents.email()) {
            consent(profile.email, "SUBSCRIBED", consents.emailAt(), now, historical ? "HISTORICAL_IMPORT" : "API");
            profile.suppressions.removeIf(s -> s.reason().liftedBySubscribing());
            subscriptions.add(new KlaviyoSubscription(profile.id, "email", consents.emailAt(), historical, listId,
                    now));
        }
        if (consents.sms()) {
            consent(profile.sms, "SUBSCRIBED", consents.smsAt(), now, historical ? "HISTORICAL_IMPORT" : "API");
            subscriptions.add(new KlaviyoSubscription(profile.id, "sms", consents.smsAt(), historical, listId, now));
        }
        profile.updated = now;
        if (listId != null) {
            addMember(listId, profile.id, now);
        }
    }

    private void recordUnsubscribe(JsonNode attributes, boolean email, boolean sms, String listId) {
        Instant now = store.now();
        StoredProfile profile = store.profiles.upsert(null, identifiers(attributes), false, now, "/data/attributes")
                .profile();
        boolean listMember = listId != null && lists.get(listId).members().containsKey(profile.id);
        if (listMember) {
            lists.get(listId).members().remove(profile.id);
            if (email) {
                profile.listSuppressions.add(new StoredProfile.ListSuppression(listId, SuppressionReason.UNSUBSCRIBE,
                        now));
            }
        } else {
            if (email) {
                consent(profile.email, "UNSUBSCRIBED", now, now, "API");
                if (profile.suppressions.stream().noneMatch(s -> s.reason() == SuppressionReason.UNSUBSCRIBE)) {
                    profile.suppressions.add(new KlaviyoSuppression(profile.id, profile.text("email"),
                            SuppressionReason.UNSUBSCRIBE, now));
                }
            }
            if (sms) {
                consent(profile.sms, "UNSUBSCRIBED", now, now, "API");
            }
        }
        profile.updated = now;
    }

    private static JsonNode identifiers(JsonNode attributes) {
        return JsonApi.object().put("email", attributes.path("email").asText(null))
                .put("phone_number", attributes.path("phone_number").asText(null));
    }

    private static void consent(StoredProfile.Consent channel, String consent, Instant at, Instant now,
                                String method) {
        channel.consent = consent;
        channel.timestamp = at == null ? now : at;
        channel.lastUpdated = now;
        channel.method = method;
    }

    void requireList(String listId) {
        if (!lists.containsKey(listId)) {
            throw new KlaviyoApiException(ApiError.notFound("There is no list with id '" + listId + "'."));
        }
    }

    /** Adds a member; one already on the list keeps the time it first joined. */
    void addMember(String listId, String profileId, Instant at) {
        lists.get(listId).members().putIfAbsent(profileId, at);
    }

    /** The list's members with the time each joined, in the order they joined; the list must exist. */
    Map<String, Instant> members(String listId) {
        requireList(listId);
        return java.util.Collections.unmodifiableMap(lists.get(listId).members());
    }

    /** The lists a profile is on, in creation order. */
    List<KlaviyoList> listsOf(String profileId) {
        return lists.values().stream().filter(list -> list.members().containsKey(profileId))
                .map(ListsAndConsent::view).toList();
    }

    Optional<KlaviyoList> find(String listId) {
        return Optional.ofNullable(lists.get(listId)).map(ListsAndConsent::view);
    }

    List<KlaviyoList> views() {
        return lists.values().stream().map(ListsAndConsent::view).toList();
    }

    List<KlaviyoSubscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    private static KlaviyoList view(StoredList list) {
        return new KlaviyoList(list.id(), list.name(), list.optInProcess(), list.created(),
                List.copyOf(list.members().keySet()));
    }
}
