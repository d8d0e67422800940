package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * {@code GET /api/events}: the filters the spec lists ({@code metric_id} and {@code profile_id} equals,
 * {@code has(profile)}, {@code has(metric)}, comparisons on {@code datetime} and {@code timestamp}), sort on
 * {@code datetime} or {@code timestamp} (oldest first when no sort is given), 200 a page by default and up to 1,000,
 * and {@code include} of the metric and the profile. Attributions are not kept, so none are included.
 */
final class EventQuery {
    private static final int DEFAULT_PAGE_SIZE = 200;

    private final KlaviyoStore store;
    private final Events events;

    EventQuery(KlaviyoStore store, Events events) {
        this.store = store;
        this.events = events;
    }

    ApiAnswer page(ApiCall call) {
        Predicate<Events.StoredEvent> filter = event -> true;
        for (FilterTerms.Term term : FilterTerms.parse(call.queryParam("filter"))) {
            filter = filter.and(term(term));
        }
        Comparator<Events.StoredEvent> order = Comparator.comparing((Events.StoredEvent e) -> e.event().time())
                .thenComparing(e -> e.event().id());
        String sort = call.queryParam("sort");
        if (sort != null && sort.startsWith("-")) {
            order = order.reversed();
        }
        List<Events.StoredEvent> matching = events.stored().stream().filter(filter).sorted(order).toList();
        ObjectNode document = Paging.pageDocument(call, matching, DEFAULT_PAGE_SIZE,
                event -> resource(event, call.baseUrl()));
        List<String> include = Includes.of(call);
        if (!include.isEmpty()) {
            document.set("included", included(document.withArray("data"), include, call));
        }
        return ApiAnswer.of(200, document);
    }

    private static Predicate<Events.StoredEvent> term(FilterTerms.Term term) {
        switch (term.field()) {
            case "metric_id", "profile_id" -> {
                if (!term.operator().equals("equals")) {
                    throw term.unsupported();
                }
                String wanted = term.text();
                return term.field().equals("metric_id") ? event -> event.metricId().equals(wanted)
                        : event -> event.event().profileId().equals(wanted);
            }
            case "profile", "metric" -> {
                if (!term.operator().equals("has")) {
                    throw term.unsupported();
                }
                return event -> true; // every event the sandbox keeps has both
            }
            case "datetime", "timestamp" -> {
                IntPredicate accept = FilterTerms.comparison(term.operator());
                if (accept == null) {
                    throw term.unsupported();
                }
                Instant bound = term.text().matches("\\d+") ? Instant.ofEpochSecond(Long.parseLong(term.text()))
                        : term.instant();
                return event -> accept.test(event.event().time().compareTo(bound));
            }
            default -> throw term.unsupported();
        }
    }

    /**
     * An event as the spec's {@code EventResponseObjectResource}. {@code event_properties} are the properties as
     * sent, with {@code $value} and {@code $event_id} when the event had a value and a unique id: the spec
     * describes them as "Event properties, can include identifiers and extra properties".
     */
    static ObjectNode resource(Events.StoredEvent stored, String baseUrl) {
        KlaviyoEvent event = stored.event();
        ObjectNode attributes = JsonApi.object();
        attributes.put("timestamp", event.time().getEpochSecond());
        ObjectNode properties = JsonApi.MAPPER.valueToTree(event.properties() == null ? Map.of()
                : event.properties());
        if (event.uniqueId() != null) {
            properties.put("$event_id", event.uniqueId());
        }
        if (event.value() != null) {
            properties.put("$value", (BigDecimal) event.value());
        }
        attributes.set("event_properties", properties);
        attributes.put("datetime", JsonApi.timestamp(event.time()));
        attributes.put("uuid", stored.uuid());
        ObjectNode resource = JsonApi.resource("event", event.id(), attributes,
                baseUrl + "/api/events/" + event.id() + "/");
        ObjectNode relationships = resource.putObject("relationships");
        ObjectNode profile = relationships.putObject("profile");
        profile.set("data", Resources.identifier("profile", event.profileId()));
        profile.set("links", Resources.relationshipLinks(baseUrl, "events", event.id(), "profile"));
        ObjectNode metric = relationships.putObject("metric");
        metric.set("data", Resources.identifier("metric", stored.metricId()));
        metric.set("links", Resources.relationshipLinks(baseUrl, "events", event.id(), "metric"));
        return resource;
    }

    private ArrayNode included(ArrayNode data, List<String> include, ApiCall call) {
        Set<String> metricIds = new LinkedHashSet<>();
        Set<String> profileIds = new LinkedHashSet<>();
        data.forEach(event -> {
            metricIds.add(event.at("/relationships/metric/data/id").asText());
            profileIds.add(event.at("/relationships/profile/data/id").asText());
        });
        ArrayNode included = JsonApi.array();
        if (include.contains("metric")) {
            metricIds.forEach(id -> included.add(metric(events.metric(id), call.baseUrl())));
        }
        if (include.contains("profile")) {
            profileIds.forEach(id -> store.profiles.find(id).ifPresent(profile ->
                    included.add(Resources.profile(profile, call.baseUrl(), ProfileExtras.NONE))));
        }
        return included;
    }

    /**
     * A metric as the spec's {@code MetricResponseObjectResource}. Metrics made by events sent with a private key
     * belong to Klaviyo's API integration, so the sandbox names that integration.
     */
    private static ObjectNode metric(Events.Metric metric, String baseUrl) {
        ObjectNode attributes = JsonApi.object();
        attributes.put("name", metric.name());
        attributes.put("created", JsonApi.timestamp(metric.created()));
        attributes.put("updated", JsonApi.timestamp(metric.created()));
        attributes.putObject("integration").put("object", "integration").put("key", "api").put("name", "API")
                .put("category", "API");
        return JsonApi.resource("metric", metric.id(), attributes, baseUrl + "/api/metrics/" + metric.id() + "/");
    }
}
