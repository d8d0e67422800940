package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Renders the sandbox's state as the resources of the spec's response schemas. */
final class Resources {
    private static final List<String> PROFILE_FIELDS = List.of("email", "phone_number", "external_id", "first_name",
            "last_name", "organization", "locale", "title", "image");

    private Resources() {
    }

    static ObjectNode profile(StoredProfile profile, String baseUrl, boolean withSubscriptions) {
        ObjectNode attributes = JsonApi.object();
        PROFILE_FIELDS.forEach(field -> attributes.set(field, value(profile.attributes.get(field))));
        attributes.put("created", JsonApi.timestamp(profile.created));
        attributes.put("updated", JsonApi.timestamp(profile.updated));
        attributes.putNull("last_event_date");
        ObjectNode location = JsonApi.object();
        Object stored = profile.attributes.get("location");
        if (stored instanceof java.util.Map<?, ?> map) {
            location.setAll((ObjectNode) JsonApi.MAPPER.valueToTree(map));
        }
        attributes.set("location", location);
        Object properties = profile.attributes.get("properties");
        attributes.set("properties", properties == null ? JsonApi.object() : JsonApi.MAPPER.valueToTree(properties));
        if (withSubscriptions) {
            attributes.set("subscriptions", subscriptions(profile));
        }
        return JsonApi.resource("profile", profile.id, attributes, baseUrl + "/api/profiles/" + profile.id + "/");
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
        email.putArray("list_suppressions");
        ObjectNode sms = subscriptions.putObject("sms").putObject("marketing");
        sms.put("can_receive_sms_marketing", "SUBSCRIBED".equals(profile.sms.consent));
        sms.put("consent", profile.sms.consent);
        sms.put("consent_timestamp", JsonApi.timestamp(profile.sms.timestamp));
        sms.put("method", profile.sms.method);
        sms.put("last_updated", JsonApi.timestamp(profile.sms.lastUpdated));
        return subscriptions;
    }

    static ObjectNode job(KlaviyoJob job, String baseUrl, boolean withErrors) {
        ObjectNode attributes = JsonApi.object();
        attributes.put("status", job.status());
        attributes.put("created_at", JsonApi.timestamp(job.createdAt()));
        attributes.put("total_count", job.totalCount());
        attributes.put("completed_count", job.completedCount());
        attributes.put("failed_count", job.failedCount());
        attributes.put("completed_at", JsonApi.timestamp(job.completedAt()));
        if (withErrors) {
            ArrayNode errors = attributes.putArray("errors");
            job.errors().forEach(error -> errors.addObject().put("id", error.code() + "-" + errors.size())
                    .put("code", error.code()).put("title", error.title()).put("detail", error.detail())
                    .set("source", JsonApi.object().put("pointer", error.pointer())));
        }
        attributes.put("expires_at", JsonApi.timestamp(job.createdAt().plus(JobQueue.EXPIRY)));
        if (!withErrors) {
            attributes.put("started_at", JsonApi.timestamp(job.startedAt()));
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
}
