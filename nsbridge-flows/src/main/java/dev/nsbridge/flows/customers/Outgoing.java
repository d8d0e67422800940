package dev.nsbridge.flows.customers;

import dev.nsbridge.klaviyo.profiles.Profile;
import java.util.Map;

/**
 * One customer on its way to Klaviyo: the decision, the profile built from it and the NetSuite row it came from.
 *
 * @param row the source row (lower-case aliases), for consent time and the stored profile id
 */
record Outgoing(ProfileDecision.Send decision, Profile profile, Map<String, Object> row) {

    String key() {
        return decision.customerId();
    }
}
