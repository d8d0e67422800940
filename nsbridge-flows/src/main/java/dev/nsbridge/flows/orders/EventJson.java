package dev.nsbridge.flows.orders;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.flows.delivery.Json;
import dev.nsbridge.klaviyo.events.Event;
import dev.nsbridge.klaviyo.profiles.ProfileJson;

/**
 * An event as one entry of a bulk create request ({@code EventsBulkCreateQueryResourceObject}), for dry runs and
 * error payloads. The Klaviyo client builds the same shape but keeps its builder to itself; this mirrors it.
 */
final class EventJson {
    private EventJson() {
    }

    static ObjectNode resource(Event event) {
        ObjectNode entry = Json.mapper().createObjectNode().put("type", "event-bulk-create");
        ObjectNode entryAttributes = entry.putObject("attributes");
        entryAttributes.putObject("profile").set("data", ProfileJson.resource(event.profile()));
        ObjectNode bulkEvent = entryAttributes.putObject("events").putArray("data").addObject().put("type", "event");
        ObjectNode attributes = bulkEvent.putObject("attributes");
        attributes.set("properties", Json.mapper().valueToTree(Json.plain(event.properties())));
        if (event.time() != null) {
            attributes.put("time", event.time().toString());
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
        return entry;
    }
}
