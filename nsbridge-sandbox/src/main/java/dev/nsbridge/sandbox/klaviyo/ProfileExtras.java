package dev.nsbridge.sandbox.klaviyo;

import java.util.List;

/**
 * The parts of a profile an answer carries only when asked ({@code additional-fields[profile]}, from the spec:
 * "Request additional fields not included by default in the response"): {@code subscriptions} and
 * {@code predictive_analytics}.
 */
record ProfileExtras(boolean subscriptions, boolean predictiveAnalytics) {
    static final ProfileExtras NONE = new ProfileExtras(false, false);

    static ProfileExtras of(ApiCall call) {
        List<String> values = call.query().getOrDefault("additional-fields[profile]", List.of());
        boolean subscriptions = false;
        boolean predictive = false;
        for (String value : values) {
            for (String field : value.split(",")) {
                subscriptions |= field.trim().equals("subscriptions");
                predictive |= field.trim().equals("predictive_analytics");
            }
        }
        return new ProfileExtras(subscriptions, predictive);
    }
}
