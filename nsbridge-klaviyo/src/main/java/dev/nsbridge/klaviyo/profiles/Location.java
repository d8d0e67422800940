package dev.nsbridge.klaviyo.profiles;

/** A profile's {@code location}; a {@code null} field is left out of the request. */
public record Location(String address1, String address2, String city, String region, String zip, String country,
                       Double latitude, Double longitude, String timezone) {
}
