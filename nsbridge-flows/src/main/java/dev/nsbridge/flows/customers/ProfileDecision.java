package dev.nsbridge.flows.customers;

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
     */
    record Send(String customerId, Map<String, Object> attributes, boolean subscribeEmail, boolean subscribeSms,
                boolean optedOut) implements ProfileDecision {
        public Send {
            Objects.requireNonNull(customerId, "customerId");
            attributes = Map.copyOf(attributes);
        }
    }

    /** Nothing Klaviyo could identify the person by: not an error, just nothing to send. */
    record Skip(String customerId, String reason) implements ProfileDecision {
    }

    /** The record is unusable as it stands; it goes to the error queue with the fix. */
    record Refuse(String customerId, String code, String reason) implements ProfileDecision {
    }
}
