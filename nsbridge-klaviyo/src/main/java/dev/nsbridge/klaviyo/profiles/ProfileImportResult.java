package dev.nsbridge.klaviyo.profiles;

/**
 * What {@code POST /api/profile-import} did.
 *
 * @param profileId Klaviyo's id of the profile
 * @param created   {@code true} on 201 (a new profile), {@code false} on 200 (an existing one updated)
 */
public record ProfileImportResult(String profileId, boolean created) {
}
