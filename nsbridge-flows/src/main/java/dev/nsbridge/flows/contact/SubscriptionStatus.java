package dev.nsbridge.flows.contact;

import java.util.Arrays;
import java.util.Optional;

/**
 * NetSuite's global subscription status ({@code globalsubscriptionstatus}) and the one consent rule that follows
 * from it: only an opt-in may be subscribed in Klaviyo, because subscribing clears Klaviyo's suppressions.
 */
public enum SubscriptionStatus {
    SOFT_OPT_IN(1, "Soft Opt-In"),
    SOFT_OPT_OUT(2, "Soft Opt-Out"),
    CONFIRMED_OPT_IN(3, "Confirmed Opt-In"),
    CONFIRMED_OPT_OUT(4, "Confirmed Opt-Out");

    private final int id;
    private final String label;

    SubscriptionStatus(int id, String label) {
        this.id = id;
        this.label = label;
    }

    public int id() {
        return id;
    }

    /** The name NetSuite shows, as the records API's {@code refName}. */
    public String label() {
        return label;
    }

    /** Empty for a missing or unknown status, which is treated as no consent. */
    public static Optional<SubscriptionStatus> fromId(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString().strip();
        return Arrays.stream(values()).filter(s -> String.valueOf(s.id).equals(text)).findFirst();
    }

    /** Whether Klaviyo may be told this person consented to marketing. */
    public boolean maySubscribe() {
        return this == SOFT_OPT_IN || this == CONFIRMED_OPT_IN;
    }

    public boolean isOptOut() {
        return this == SOFT_OPT_OUT || this == CONFIRMED_OPT_OUT;
    }
}
