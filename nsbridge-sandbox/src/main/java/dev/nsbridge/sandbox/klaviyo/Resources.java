package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** Renders the sandbox's state as the resources of the spec's response schemas. */
final class Resources {
    private static final List<String> PROFILE_FIELDS = List.of("email", "phone_number", "external_id", "first_name",
            "last_name", "organization", "locale", "title", "image");
    private static final List<String> PREDICTIVE_FIELDS = List.of("historic_clv", "predicted_clv", "total_clv",
            "historic_number_of_orders", "predicted_number_of_orders", "average_days_between_orders",
            "average_order_value", "churn_probability", "expected_date_of_next_order", "ranked_channel_affinity");

    /** How a job type writes its attributes: the spec gives each family of jobs its own set. */
    enum JobStyle {
        /** Profile bulk import: failed_count, expires_at and started_at. */
        IMPORT,
        /** Catalog bulk jobs: failed_count, the failed items as errors, and expires_at. */
        CATALOG,
        /** Suppression jobs: skipped_count instead of failures. */
        SUPPRESSION
    }

    private Resources() {
    }

    static ObjectNode profile(StoredProfile profile, String baseUrl, ProfileExtras extras) {
        return profile(profile, baseUrl, extras, null);
    }

    /** @param joinedGroupAt when the profile joined the list being read, or null outside a list */
    static ObjectNode profile(StoredProfile profile, String baseUrl, ProfileExtras extras, Instant joinedGroupAt) {
        ObjectNode attributes = JsonApi.object();
        PROFILE_FIELDS.forEach(field -> attributes.set(field, value(profile.attributes.get(field))));
        attributes.put("created", JsonApi.timestamp(profile.created));
        attributes.put("updated", JsonApi.timestamp(profile.updated));
        attributes.put("last_event_date", JsonApi.timestamp(profile.lastEventDate));
        ObjectNode location = JsonApi.object();
        Object stored = profile.attributes.get("location");
        if (stored instanceof java.util.Map<?, ?> map) {
            location.setAll((ObjectNode) JsonApi.MAPPER.valueToTree(map));
        }
        attributes.set("location", location);
        Object properties = profile.attributes.get("properties");
        attributes.set("properties", properties == null ? JsonApi.object() : JsonApi.MAPPER.valueToTree(properties));
        if (joinedGroupAt != null) {
            attributes.put("joined_group_at", JsonApi.timestamp(joinedGroupAt));
        }
        if (extras.subscriptions()) {
            attributes.set("subscriptions", subscriptions(profile));
        }
        if (extras.predictiveAnalytics()) {
            // The sandbox trains no models; Klaviyo answers nulls too for a profile it has no predictions for.
            ObjectNode predictive = attributes.putObject("predictive_analytics");
            PREDICTIVE_FIELDS.forEach(predictive::putNull);
        }
        String self = baseUrl + "/api/profiles/" + profile.id + "/";
        ObjectNode resource = JsonApi.resource("profile", profile.id, attributes, self);
        ObjectNode relationships = JsonApi.object();
        relationships.putObject("lists").set("links", relationshipLinks(baseUrl, "profiles", profile.id, "lists"));
        relationships.putObject("segments").set("links",
                relationshipLinks(baseUrl, "profiles", profile.id, "segments"));
        resource.set("relationships", relationships);
        return resource;
    }

    private static JsonNode value(Object value) {
        return value == null ? JsonApi.object().nullNode() : JsonApi.MAPPER.valueToTree(value);
    }

    private static ObjectNode subscriptions(StoredProfile profile) {
        ObjectNode subscriptions = JsonApi.object();
        ObjectNode email = subscriptions.putObject("email").putObject("marketing");
        boolean suppressed = !profile.suppressions.isEmpty();
        email.put("can_receive_email_marketing", "SUBSCRIBED".equals(profile.email.consent) && !suppressed);
        email.put("consent", profile.email.consent);
        email.put("consent_timestamp", JsonApi.timestamp(profile.email.timestamp));
        email.put("last_updated", JsonApi.timestamp(profile.email.lastUpdated));
        email.put("method", profile.email.method);
        email.put("double_optin", false);
        ArrayNode suppression = email.putArray("suppression");
        profile.suppressions.forEach(s -> suppression.addObject().put("reason", s.reason().name())
                .put("timestamp", JsonApi.timestamp(s.timestamp())));
        ArrayNode listSuppressions = email.putArray("list_suppressions");
        profile.listSuppressions.forEach(s -> listSuppressions.addObject().put("list_id", s.listId())
                .put("reason", s.reason().name()).put("timestamp", JsonApi.timestamp(s.timestamp())));
        ObjectNode sms = subscriptions.putObject("sms").putObject("marketing");
        sms.put("can_receive_sms_marketing", "SUBSCRIBED".equals(profile.sms.consent));
        sms.put("consent", profile.sms.consent);
        sms.put("consent_timestamp", JsonApi.timestamp(profile.sms.timestamp));
        sms.put("method", profile.sms.method);
        sms.put("last_updated", JsonApi.timestamp(profile.sms.lastUpdated));
        return subscriptions;
    }

    static ObjectNode job(KlaviyoJob job, String baseUrl, JobStyle style) {
        ObjectNode attributes = JsonApi.object();
        attributes.put("status", job.status());
        attributes.put("created_at", JsonApi.timestamp(job.createdAt()));
        attributes.put("total_count", job.totalCount());
        attributes.put("completed_count", job.completedCount());
        if (style != JobStyle.SUPPRESSION) {
            attributes.put("failed_count", job.failedCount());
        }
        attributes.put("completed_at", JsonApi.timestamp(job.completedAt()));
        switch (style) {
            case IMPORT -> {
                attributes.put("expires_at", JsonApi.timestamp(job.createdAt().plus(JobQueue.EXPIRY)));
                attributes.put("started_at", JsonApi.timestamp(job.startedAt()));
            }
            case CATALOG -> {
                ArrayNode errors = attributes.putArray("errors");
                job.errors().forEach(error -> errors.addObject().put("id", error.code() + "-" + errors.size())
                        .put("code", error.code()).put("title", error.title()).put("detail", error.detail())
                        .set("source", JsonApi.object().put("pointer", error.pointer())));
                attributes.put("expires_at", JsonApi.timestamp(job.createdAt().plus(JobQueue.EXPIRY)));
            }
            case SUPPRESSION -> attributes.put("skipped_count", job.skippedCount());
        }
        return JsonApi.resource(job.type(), job.id(), attributes,
                baseUrl + "/api/" + job.type() + "s/" + job.id() + "/");
    }

    static ObjectNode list(KlaviyoList list, String baseUrl) {
        ObjectNode attributes = JsonApi.object();
        attributes.put("name", list.name());
        attributes.put("created", JsonApi.timestamp(list.created()));
        attributes.put("updated", JsonApi.timestamp(list.created()));
        attributes.put("opt_in_process", list.optInProcess());
        return JsonApi.resource("list", list.id(), attributes, baseUrl + "/api/lists/" + list.id() + "/");
    }

    /** {@code {"type": …, "id": …}}: a resource identifier, as relationship data carries it. */
    static ObjectNode identifier(String type, String id) {
        return JsonApi.object().put("type", type).put("id", id);
    }

    /**
     * A relationship's links, e.g. for a profile's lists: {@code /api/profiles/{id}/relationships/lists/} and
     * {@code /api/profiles/{id}/lists/}.
     */
    static ObjectNode relationshipLinks(String baseUrl, String collection, String id, String relationship) {
        String resource = baseUrl + "/api/" + collection + "/" + id + "/";
        return JsonApi.object().put("self", resource + "relationships/" + relationship + "/")
                .put("related", resource + relationship + "/");
    }
}
