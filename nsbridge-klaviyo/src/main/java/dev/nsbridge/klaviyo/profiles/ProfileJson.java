package dev.nsbridge.klaviyo.profiles;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.klaviyo.http.JsonApi;

/**
 * A {@link Profile} as the spec's {@code ProfileUpsertQueryResourceObject} (profile-import, bulk import) and
 * {@code OnsiteProfileCreateQueryResourceObject} (events): the same attribute names in all of them.
 */
public final class ProfileJson {
    private ProfileJson() {
    }

    public static ObjectNode resource(Profile profile) {
        ObjectNode resource = JsonApi.resource("profile");
        if (profile.id() != null) {
            resource.put("id", profile.id());
        }
        ObjectNode attributes = (ObjectNode) resource.get("attributes");
        putIfPresent(attributes, "email", profile.email());
        putIfPresent(attributes, "phone_number", profile.phoneNumber());
        putIfPresent(attributes, "external_id", profile.externalId());
        putIfPresent(attributes, "first_name", profile.firstName());
        putIfPresent(attributes, "last_name", profile.lastName());
        putIfPresent(attributes, "organization", profile.organization());
        putIfPresent(attributes, "title", profile.title());
        putIfPresent(attributes, "locale", profile.locale());
        if (profile.location() != null) {
            attributes.set("location", location(profile.location()));
        }
        if (!profile.properties().isEmpty()) {
            attributes.set("properties", JsonApi.tree(profile.properties()));
        }
        return resource;
    }

    private static ObjectNode location(Location location) {
        ObjectNode node = JsonApi.object();
        putIfPresent(node, "address1", location.address1());
        putIfPresent(node, "address2", location.address2());
        putIfPresent(node, "city", location.city());
        putIfPresent(node, "region", location.region());
        putIfPresent(node, "zip", location.zip());
        putIfPresent(node, "country", location.country());
        if (location.latitude() != null) {
            node.put("latitude", location.latitude());
        }
        if (location.longitude() != null) {
            node.put("longitude", location.longitude());
        }
        putIfPresent(node, "timezone", location.timezone());
        return node;
    }

    static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
