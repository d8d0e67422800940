package dev.nsbridge.sandbox.klaviyo;

import java.time.Instant;

/** An email marketing suppression in force. */
public record KlaviyoSuppression(String profileId, String email, SuppressionReason reason, Instant timestamp) {
}
