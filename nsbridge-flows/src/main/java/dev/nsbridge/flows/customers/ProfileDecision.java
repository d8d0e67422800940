package dev.nsbridge.flows.customers;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What the customer flow does with one customer: send a profile, skip it, or refuse it as a record error. */
public sealed interface ProfileDecision {

    /** The NetSuite customer id this decision is about. */
    String customerId();

    /**
     * Send the profile; subscribe it only when {@code subscribeEmail} / {@code subscribeSms} say so.
     *
     * @param attributes Klaviyo profile attributes (email, phone_number, external_id, names, location, properties)
     * @param dropped    the invalid contact fields left out of the profile, each kept as a warning on the record
     */
    record Send(String customerId, Map<String, Object> attributes, boolean subscribeEmail, boolean subscribeSms,
                boolean optedOut, List<Dropped> dropped) implements ProfileDecision {
        public Send {
            Objects.requireNonNull(customerId, "customerId");
            attributes = Map.copyOf(attributes);
            dropped = List.copyOf(dropped);
        }

        /** A profile sent whole. */
        public Send(String customerId, Map<String, Object> attributes, boolean subscribeEmail, boolean subscribeSms,
                    boolean optedOut) {
            this(customerId, attributes, subscribeEmail, subscribeSms, optedOut, List.of());
        }
    }

    /** An invalid email or phone left out of a profile that went anyway: its code and what to correct. */
    record Dropped(String code, String reason) {
    }

    /** Nothing Klaviyo could identify the person by: not an error, just nothing to send. */
    record Skip(String customerId, String reason) implements ProfileDecision {
    }

    /** The record is unusable as it stands; it goes to the error queue with the fix. */
    record Refuse(String customerId, String code, String reason) implements ProfileDecision {
    }
}
