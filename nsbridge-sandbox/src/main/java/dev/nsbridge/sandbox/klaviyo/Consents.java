package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The consents one profile of a subscribe request asks for, checked as Klaviyo checks them: email consent needs an
 * email, SMS consent a phone number, and a historical import a {@code consented_at} in the past. A
 * {@code consented_at} outside a historical import is refused: the spec's {@code consented_at} "should only be used
 * when syncing over historical consent info to Klaviyo; if the {@code historical_import} flag is not included,
 * providing any value for this field will raise an error."
 */
record Consents(boolean email, Instant emailAt, boolean sms, Instant smsAt) {

    static Consents read(JsonNode attributes, boolean historical, Instant now, String pointer) {
        JsonNode emailMarketing = attributes.at("/subscriptions/email/marketing");
        JsonNode smsMarketing = attributes.at("/subscriptions/sms/marketing");
        boolean email = !emailMarketing.isMissingNode();
        boolean sms = !smsMarketing.isMissingNode();
        if (email && !ProfileBook.present(attributes, "email")) {
            throw KlaviyoApiException.invalid("An email consent needs an email address.", pointer + "/email");
        }
        if (sms && !ProfileBook.present(attributes, "phone_number")) {
            throw KlaviyoApiException.invalid("An SMS consent needs a phone number.", pointer + "/phone_number");
        }
        ProfileBook.checkIdentifiers(attributes, pointer);
        Instant emailAt = consentedAt(emailMarketing, historical, now,
                pointer + "/subscriptions/email/marketing/consented_at");
        Instant smsAt = consentedAt(smsMarketing, historical, now,
                pointer + "/subscriptions/sms/marketing/consented_at");
        return new Consents(email, emailAt, sms, smsAt);
    }

    /** @param historical whether the request is a historical import, which requires consented_at on every consent */
    private static Instant consentedAt(JsonNode marketing, boolean historical, Instant now, String pointer) {
        if (marketing.isMissingNode()) {
            return null;
        }
        JsonNode value = marketing.get("consented_at");
        if (value != null && !value.isNull() && !historical) {
            throw KlaviyoApiException.invalid("consented_at is only allowed when historical_import is true.",
                    pointer);
        }
        if (value == null || value.isNull()) {
            if (historical) {
                throw KlaviyoApiException.invalid("consented_at is required when historical_import is true.",
                        pointer);
            }
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw KlaviyoApiException.invalid("consented_at is not an ISO 8601 date-time.", pointer);
        }
        if (!at.isBefore(now)) {
            throw KlaviyoApiException.invalid("consented_at must be in the past for a historical import.", pointer);
        }
        return at;
    }
}
