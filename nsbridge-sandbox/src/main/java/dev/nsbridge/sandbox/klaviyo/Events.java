package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Events, one at a time or in bulk. Klaviyo records one event per profile, metric and {@code unique_id}; without a
 * {@code unique_id} the event's second stands in for it, so two such events in one second collapse into the first.
 * A single create keeps the first of two repeats; a bulk request that repeats an explicit {@code unique_id} fails
 * whole (the spec: "the request will fail and no events will be processed"). The first event of a metric name
 * creates the metric, as in Klaviyo.
 */
final class Events {
    static final String BULK_JOB = "event-bulk-create-job";
    static final int MAX_BULK_EVENTS = 1_000;
    static final int MAX_METRIC_NAME = 127;

    /** An event as kept: its view, the uuid Klaviyo also reports, and its metric's id. */
    record StoredEvent(KlaviyoEvent event, String uuid, String metricId) {
    }

    /** A metric: created by the first event of its name. */
    record Metric(String id, String name, Instant created) {
    }

    private final KlaviyoStore store;
    private final List<StoredEvent> events = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private final Map<String, Metric> metrics = new LinkedHashMap<>();

    Events(KlaviyoStore store) {
        this.store = store;
    }

    /** {@code POST /api/events}: 202 without a body; a repeat of a recorded event is accepted and dropped. */
    ApiAnswer createOne(ApiCall call) {
        JsonNode attributes = call.body().at("/data/attributes");
        Pending event = read(attributes, attributes.path("backfill").asBoolean(false), call.now(),
                Instant.parse("1990-01-01T00:00:00Z"), "/data/attributes");
        JsonNode profile = attributes.at("/profile/data");
        EventRules.checkProfileIdentifier(profile, "/data/attributes/profile/data");
        ProfileBook.checkIdentifiers(profile.get("attributes"), "/data/attributes/profile/data/attributes");
        record(profile, event);
        return ApiAnswer.empty(202);
    }

    /**
     * {@code POST /api/event-bulk-create-jobs}: 202 without a body, then a job records the events. An explicit
     * {@code unique_id} repeated inside the request or matching an event already recorded for the same profile and
     * metric fails the request with 409 before anything is queued. The spec names no status for this; 409 is
     * Klaviyo's answer for a write that collides with existing data, as with {@code duplicate_profile}.
     */
    ApiAnswer createMany(ApiCall call) {
        if (call.bodyBytes() > Profiles.MAX_BULK_BYTES) {
            throw Profiles.tooLarge("The maximum allowed payload size is 5MB.");
        }
        JsonNode groups = call.body().at("/data/attributes/events-bulk-create/data");
        int count = 0;
        for (JsonNode group : groups) {
            count += group.at("/attributes/events/data").size();
        }
        if (count > MAX_BULK_EVENTS) {
            throw KlaviyoApiException.invalid("A bulk create accepts up to 1,000 events; got " + count + ".",
                    "/data/attributes/events-bulk-create/data");
        }
        List<JobQueue.Item> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int g = 0; g < groups.size(); g++) {
            JsonNode group = groups.get(g);
            String groupPointer = "/data/attributes/events-bulk-create/data/" + g + "/attributes";
            JsonNode profile = group.at("/attributes/profile/data");
            EventRules.checkProfileIdentifier(profile, groupPointer + "/profile/data");
            ProfileBook.checkIdentifiers(profile.get("attributes"), groupPointer + "/profile/data/attributes");
            String identity = provisionalIdentity(profile);
            boolean groupBackfill = group.at("/attributes/backfill").asBoolean(false);
            JsonNode list = group.at("/attributes/events/data");
            for (int e = 0; e < list.size(); e++) {
                JsonNode attributes = list.get(e).get("attributes");
                String pointer = groupPointer + "/events/data/" + e + "/attributes";
                Pending event = read(attributes, groupBackfill || attributes.path("backfill").asBoolean(false),
                        call.now(), Instant.parse("2000-01-01T00:00:00Z"), pointer);
                if (event.uniqueId() != null
                        && (!seen.add(key(identity, event)) || keys.contains(key(identity, event)))) {
                    throw new KlaviyoApiException(new ApiError(409, "conflict", "Conflict.",
                            "unique_id '" + event.uniqueId() + "' is repeated for this profile and metric; "
                                    + "no events were processed.", pointer + "/unique_id", null, Map.of()));
                }
                items.add(new JobQueue.Item(list.get(e), () -> {
                    record(profile, event);
                    return JobQueue.Outcome.DONE;
                }));
            }
        }
        store.jobs.submit(BULK_JOB, call.now(), items);
        return ApiAnswer.empty(202);
    }

    /** An event read from the wire, not yet tied to a profile. */
    private record Pending(String metric, Instant time, BigDecimal value, String currency, String uniqueId,
                           boolean backfill, Map<String, Object> properties) {
    }

    @SuppressWarnings("unchecked")
    private static Pending read(JsonNode attributes, boolean backfill, Instant now, Instant earliest,
                                String pointer) {
        String metric = attributes.at("/metric/data/attributes/name").asText();
        if (metric.isEmpty() || metric.length() > MAX_METRIC_NAME) {
            throw KlaviyoApiException.invalid("The metric name must have 1 to 127 characters.",
                    pointer + "/metric/data/attributes/name");
        }
        EventRules.checkProperties(attributes.get("properties"), pointer + "/properties");
        EventRules.checkCurrency(attributes, pointer);
        Instant time = now;
        if (attributes.hasNonNull("time")) {
            try {
                time = OffsetDateTime.parse(attributes.get("time").asText()).toInstant();
            } catch (DateTimeParseException e) {
                throw KlaviyoApiException.invalid("time is not an ISO 8601 date-time.", pointer + "/time");
            }
            if (time.isBefore(earliest) || time.isAfter(now.atOffset(ZoneOffset.UTC).plusYears(1).toInstant())) {
                throw KlaviyoApiException.invalid("time must be after " + earliest.atOffset(ZoneOffset.UTC).getYear()
                        + " and at most one year ahead.", pointer + "/time");
            }
        }
        BigDecimal value = attributes.hasNonNull("value") ? attributes.get("value").decimalValue() : null;
        return new Pending(metric, time.truncatedTo(ChronoUnit.SECONDS), value,
                attributes.path("value_currency").asText(null), attributes.path("unique_id").asText(null), backfill,
                JsonApi.MAPPER.convertValue(attributes.get("properties"), Map.class));
    }

    /** Events create or update their profile; {@code null} never clears a field here. */
    private void record(JsonNode profile, Pending event) {
        String id = profile.hasNonNull("id") ? profile.get("id").asText() : null;
        StoredProfile stored = store.profiles.upsert(id, profile.path("attributes"), false, store.now(),
                "/data/attributes/profile/data/attributes").profile();
        if (keys.add(key(stored.id, event))) {
            Metric metric = metrics.computeIfAbsent(event.metric(),
                    name -> new Metric(store.ids.alphanumeric(6), name, store.now()));
            KlaviyoEvent view = new KlaviyoEvent(store.ids.ulid(), stored.id, event.metric(), event.time(),
                    event.value(), event.currency(), event.uniqueId(), event.backfill(), event.properties());
            events.add(new StoredEvent(view, store.ids.uuid(), metric.id()));
            if (stored.lastEventDate == null || event.time().isAfter(stored.lastEventDate)) {
                stored.lastEventDate = event.time();
            }
        }
    }

    private static String key(String profile, Pending event) {
        String unique = event.uniqueId() != null ? "u:" + event.uniqueId() : "t:" + event.time().getEpochSecond();
        return profile + "\n" + event.metric() + "\n" + unique;
    }

    /** The profile's id when it exists already; otherwise its identifiers, which is all a new profile has yet. */
    private String provisionalIdentity(JsonNode profile) {
        String id = profile.hasNonNull("id") ? profile.get("id").asText() : null;
        return store.profiles.resolve(id, profile.path("attributes")).map(p -> p.id)
                .orElseGet(() -> "new:" + profile.path("attributes").path("email").asText() + "|"
                        + profile.path("attributes").path("phone_number").asText() + "|"
                        + profile.path("attributes").path("external_id").asText());
    }

    List<StoredEvent> stored() {
        return java.util.Collections.unmodifiableList(events);
    }

    Metric metric(String id) {
        return metrics.values().stream().filter(metric -> metric.id().equals(id)).findFirst().orElseThrow();
    }

    List<KlaviyoEvent> views() {
        return events.stream().map(StoredEvent::event).toList();
    }
}
