package dev.nsbridge.sandbox.klaviyo;

import java.time.Instant;

/**
 * One consent recorded by the subscribe job.
 *
 * @param channel          {@code email} or {@code sms}
 * @param consentedAt      when the person consented, as sent ({@code null} when the client sent none)
 * @param historicalImport true when earlier consent was imported without double opt-in or list flows
 * @param listId           the list named in the request, or null
 */
public record KlaviyoSubscription(String profileId, String channel, Instant consentedAt, boolean historicalImport,
                                  String listId, Instant recordedAt) {
}
