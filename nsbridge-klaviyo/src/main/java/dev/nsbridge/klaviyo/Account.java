package dev.nsbridge.klaviyo;

/**
 * The account a key opens, as {@code GET /api/accounts} describes it: what {@code nsbridge check} shows.
 *
 * @param testAccount whether Klaviyo marks it as a test account
 */
public record Account(String id, String organizationName, String timezone, String preferredCurrency,
                      boolean testAccount) {
}
