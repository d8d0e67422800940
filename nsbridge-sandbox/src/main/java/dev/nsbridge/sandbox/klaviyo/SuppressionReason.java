package dev.nsbridge.sandbox.klaviyo;

/** Why an email is suppressed, spelled as the spec's enum (Klaviyo's guides call SPAM_COMPLAINT a spam report). */
public enum SuppressionReason {
    HARD_BOUNCE, INVALID_EMAIL, SPAM_COMPLAINT, UNSUBSCRIBE, USER_SUPPRESSED;

    /** Subscribing with consent lifts these; bounces and invalid addresses stay. */
    boolean liftedBySubscribing() {
        return this == UNSUBSCRIBE || this == SPAM_COMPLAINT || this == USER_SUPPRESSED;
    }
}
