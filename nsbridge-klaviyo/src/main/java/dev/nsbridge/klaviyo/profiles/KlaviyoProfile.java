package dev.nsbridge.klaviyo.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nsbridge.klaviyo.http.JsonApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A profile as read from {@code GET /api/profiles}.
 *
 * @param emailConsent  {@code subscriptions.email.marketing.consent} (e.g. {@code SUBSCRIBED}, {@code UNSUBSCRIBED}),
 *                      when subscriptions were asked for
 * @param suppressions  {@code subscriptions.email.marketing.suppression}, empty when none or not asked for
 * @param smsConsent    {@code subscriptions.sms.marketing.consent}, when subscriptions were asked for
 */
public record KlaviyoProfile(String id, String email, String phoneNumber, String externalId, String firstName,
                             String lastName, Instant created, Instant updated, String emailConsent,
                             List<EmailSuppression> suppressions, String smsConsent) {
    public KlaviyoProfile {
        suppressions = List.copyOf(suppressions);
    }

    static KlaviyoProfile from(JsonNode data) {
        JsonNode attributes = data.path("attributes");
        JsonNode marketing = attributes.path("subscriptions").path("email").path("marketing");
        List<EmailSuppression> suppressions = new ArrayList<>();
        for (JsonNode suppression : marketing.path("suppression")) {
            suppressions.add(new EmailSuppression(suppression.path("reason").asText(),
                    JsonApi.instantOrNull(suppression.path("timestamp"))));
        }
        return new KlaviyoProfile(data.path("id").asText(), JsonApi.textOrNull(attributes.path("email")),
                JsonApi.textOrNull(attributes.path("phone_number")), JsonApi.textOrNull(attributes.path("external_id")),
                JsonApi.textOrNull(attributes.path("first_name")), JsonApi.textOrNull(attributes.path("last_name")),
                JsonApi.instantOrNull(attributes.path("created")), JsonApi.instantOrNull(attributes.path("updated")),
                JsonApi.textOrNull(marketing.path("consent")), suppressions,
                JsonApi.textOrNull(attributes.path("subscriptions").path("sms").path("marketing").path("consent")));
    }
}
