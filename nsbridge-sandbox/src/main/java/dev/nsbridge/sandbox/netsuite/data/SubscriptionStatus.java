package dev.nsbridge.sandbox.netsuite.data;

import java.util.Arrays;
import java.util.Optional;

/** globalsubscriptionstatus: the consent state the Klaviyo flows read and write. */
enum SubscriptionStatus {
    SOFT_OPT_IN(1, "Soft Opt-In"),
    SOFT_OPT_OUT(2, "Soft Opt-Out"),
    CONFIRMED_OPT_IN(3, "Confirmed Opt-In"),
    CONFIRMED_OPT_OUT(4, "Confirmed Opt-Out");

    final long id;
    final String displayName;

    SubscriptionStatus(long id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    static Optional<SubscriptionStatus> byId(long id) {
        return Arrays.stream(values()).filter(status -> status.id == id).findFirst();
    }
}
