package dev.nsbridge.klaviyo.lists;

import java.time.Instant;

/**
 * Marketing consent for one person. Subscribing clears UNSUBSCRIBE, SPAM_REPORT and USER_SUPPRESSED suppressions,
 * so a caller must only build one for someone who opted in.
 *
 * @param email       needed for email consent
 * @param phoneNumber E.164; needed for SMS consent
 * @param consentedAt when consent was given; required (and in the past) for a historical import
 */
public record Subscription(String email, String phoneNumber, boolean emailMarketing, boolean smsMarketing,
                           Instant consentedAt) {
    public Subscription {
        if (!emailMarketing && !smsMarketing) {
            throw new IllegalArgumentException("a subscription needs email or SMS marketing consent");
        }
        if (emailMarketing && (email == null || email.isBlank())) {
            throw new IllegalArgumentException("email marketing consent needs an email address");
        }
        if (smsMarketing && (phoneNumber == null || phoneNumber.isBlank())) {
            throw new IllegalArgumentException("SMS marketing consent needs a phone number");
        }
    }

    public static Subscription email(String email, Instant consentedAt) {
        return new Subscription(email, null, true, false, consentedAt);
    }
}
