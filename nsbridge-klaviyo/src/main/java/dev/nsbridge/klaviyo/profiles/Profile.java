package dev.nsbridge.klaviyo.profiles;

import java.util.Map;

/**
 * A profile to create or update. A {@code null} field is left out of the request, which leaves Klaviyo's value as
 * it is; at least one identifier ({@code id}, {@code email}, {@code phoneNumber} or {@code externalId}) is needed.
 *
 * @param id          Klaviyo's profile id, when known (e.g. after a 409 named the existing profile)
 * @param phoneNumber E.164, e.g. {@code +15005550006}
 * @param properties  custom properties: strings, numbers, booleans, lists or maps
 */
public record Profile(String id, String email, String phoneNumber, String externalId, String firstName,
                      String lastName, String organization, String title, String locale, Location location,
                      Map<String, Object> properties) {
    public Profile {
        if (id == null && email == null && phoneNumber == null && externalId == null) {
            throw new IllegalArgumentException("a profile needs an id, email, phone number or external id");
        }
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public static Profile ofEmail(String email) {
        return new Profile(null, email, null, null, null, null, null, null, null, null, Map.of());
    }

    public Profile withId(String klaviyoId) {
        return new Profile(klaviyoId, email, phoneNumber, externalId, firstName, lastName, organization, title, locale,
                location, properties);
    }
}
