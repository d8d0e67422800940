package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The consents one profile of a subscribe request asks for, checked as Klaviyo checks them: email consent needs an
 * email, SMS consent a phone number, and a historical import a {@code consented_at} in the past.
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
        Instant emailAt = consentedAt(emailMarketing, historical && email, now,
                pointer + "/subscriptions/email/marketing/consented_at");
        Instant smsAt = consentedAt(smsMarketing, historical && sms, now,
                pointer + "/subscriptions/sms/marketing/consented_at");
        return new Consents(email, emailAt, sms, smsAt);
    }

    private static Instant consentedAt(JsonNode marketing, boolean required, Instant now, String pointer) {
        JsonNode value = marketing.get("consented_at");
        if (value == null || value.isNull()) {
            if (required) {
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
        if (required && !at.isBefore(now)) {
            throw KlaviyoApiException.invalid("consented_at must be in the past for a historical import.", pointer);
        }
        return at;
    }
}
