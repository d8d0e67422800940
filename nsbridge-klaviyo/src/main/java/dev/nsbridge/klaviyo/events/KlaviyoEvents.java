package dev.nsbridge.klaviyo.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.klaviyo.http.BatchSplitter;
import dev.nsbridge.klaviyo.http.JsonApi;
import dev.nsbridge.klaviyo.http.KlaviyoHttp;
import dev.nsbridge.klaviyo.limits.Operation;
import dev.nsbridge.klaviyo.profiles.ProfileJson;
import java.util.List;

/**
 * Events, one at a time ({@code POST /api/events}, 350/s) or in bulk ({@code POST /api/event-bulk-create-jobs}, up
 * to 1,000 events and 5 MB a request, 10/s): in bulk the steady ceiling is about 2,500 events a second against 58.
 *
 * <p>Both answer 202 with no body and no job id to poll: the events are queued, and a later failure is not
 * reported back. {@code unique_id} is what makes a resend after a crash harmless.
 */
public final class KlaviyoEvents {
    public static final BatchSplitter LIMITS = new BatchSplitter(1_000, BatchSplitter.FIVE_MB, BatchSplitter.FIVE_MB);

    private final KlaviyoHttp http;
    private final BatchSplitter limits;

    public KlaviyoEvents(KlaviyoHttp http) {
        this(http, LIMITS);
    }

    /** With other limits, so a test can show splitting on a few small events. */
    public KlaviyoEvents(KlaviyoHttp http, BatchSplitter limits) {
        this.http = http;
        this.limits = limits;
    }

    /** {@code POST /api/events}. */
    public void create(Event event) {
        ObjectNode resource = JsonApi.resource("event");
        ObjectNode attributes = attributes(resource, event);
        attributes.putObject("profile").set("data", ProfileJson.resource(event.profile()));
        http.post(Operation.CREATE_EVENT, Operation.CREATE_EVENT.pathTemplate(), JsonApi.document(resource));
    }

    /**
     * {@code POST /api/event-bulk-create-jobs}, once per batch. Each event goes in its own profile entry: grouping
     * would save bytes but tie events of one profile into one refusal.
     *
     * @return how many requests were sent
     */
    public int createAll(List<Event> events) {
        List<JsonNode> entries = events.stream().<JsonNode>map(KlaviyoEvents::bulkEntry).toList();
        int envelopeBytes = JsonApi.bytes(envelope(JsonApi.array())).length;
        List<List<JsonNode>> chunks = limits.split(entries, envelopeBytes);
        for (List<JsonNode> chunk : chunks) {
            http.post(Operation.BULK_CREATE_EVENTS, Operation.BULK_CREATE_EVENTS.pathTemplate(),
                    envelope(JsonApi.array().addAll(chunk)));
        }
        return chunks.size();
    }

    /**
     * The spec's {@code EventsBulkCreateQueryResourceObject}: one profile and its events, exactly as a bulk request
     * carries it; what a dry run shows and a record error keeps for an event.
     */
    public static ObjectNode bulkEntry(Event event) {
        ObjectNode entry = JsonApi.resource("event-bulk-create");
        ObjectNode entryAttributes = (ObjectNode) entry.get("attributes");
        entryAttributes.putObject("profile").set("data", ProfileJson.resource(event.profile()));
        ObjectNode bulkEvent = JsonApi.resource("event");
        attributes(bulkEvent, event);
        entryAttributes.putObject("events").putArray("data").add(bulkEvent);
        return entry;
    }

    private static ObjectNode envelope(ArrayNode entries) {
        ObjectNode job = JsonApi.resource("event-bulk-create-job");
        ((ObjectNode) job.get("attributes")).putObject("events-bulk-create").set("data", entries);
        return JsonApi.document(job);
    }

    /** The attributes an event has in both shapes; {@code backfill} sits on the event itself in both. */
    private static ObjectNode attributes(ObjectNode resource, Event event) {
        ObjectNode attributes = (ObjectNode) resource.get("attributes");
        attributes.set("properties", JsonApi.tree(event.properties()));
        if (event.time() != null) {
            attributes.put("time", JsonApi.instant(event.time()));
        }
        if (event.value() != null) {
            attributes.put("value", event.value());
        }
        if (event.valueCurrency() != null) {
            attributes.put("value_currency", event.valueCurrency());
        }
        if (event.uniqueId() != null) {
            attributes.put("unique_id", event.uniqueId());
        }
        if (event.backfill()) {
            attributes.put("backfill", true);
        }
        attributes.putObject("metric").putObject("data").put("type", "metric").putObject("attributes")
                .put("name", event.metricName());
        return attributes;
    }
}
