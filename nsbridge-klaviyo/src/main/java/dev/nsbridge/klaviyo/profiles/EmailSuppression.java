package dev.nsbridge.klaviyo.profiles;

import java.time.Instant;

/**
 * Why Klaviyo will not email a profile, and since when.
 *
 * @param reason {@code HARD_BOUNCE}, {@code INVALID_EMAIL}, {@code SPAM_COMPLAINT}, {@code UNSUBSCRIBE} or
 *               {@code USER_SUPPRESSED}
 */
public record EmailSuppression(String reason, Instant timestamp) {
}
