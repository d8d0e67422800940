package dev.nsbridge.klaviyo.lists;

/**
 * A Klaviyo list.
 *
 * @param optInProcess {@code single_opt_in} or {@code double_opt_in}: a subscription to a double opt-in list waits
 *                     for the person's confirmation (unless it is a historical import)
 */
public record KlaviyoList(String id, String name, String optInProcess) {
}
