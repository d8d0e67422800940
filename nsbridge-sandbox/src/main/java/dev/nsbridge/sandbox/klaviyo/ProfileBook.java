package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The account's profiles and their identifiers. A profile is found by id, email, phone number or external id; an
 * upsert whose identifiers point at two different profiles is refused with Klaviyo's 409 {@code duplicate_profile}.
 */
final class ProfileBook {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");
    private static final List<String> IDENTIFIERS = List.of("email", "phone_number", "external_id");

    private final Map<String, StoredProfile> byId = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> index = new HashMap<>();
    private final Ids ids;

    /** The outcome of an upsert: Klaviyo answers 201 for a created profile and 200 for an updated one. */
    record Upsert(StoredProfile profile, boolean created) {
    }

    ProfileBook(Ids ids) {
        this.ids = ids;
        IDENTIFIERS.forEach(identifier -> index.put(identifier, new HashMap<>()));
    }

    Optional<StoredProfile> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    Optional<StoredProfile> findBy(String identifier, String value) {
        return value == null ? Optional.empty()
                : Optional.ofNullable(index.get(identifier).get(normalize(identifier, value))).map(byId::get);
    }

    Collection<StoredProfile> all() {
        return byId.values();
    }

    /**
     * Creates or updates the profile the identifiers point at.
     *
     * @param id           the resource's {@code id}, or null
     * @param attributes   the resource's {@code attributes}
     * @param nullClears   whether {@code null} clears a field (profile-import) or is ignored (bulk import cannot
     *                     clear a field)
     * @param pointer      where the attributes sit in the request, for error pointers
     */
    Upsert upsert(String id, JsonNode attributes, boolean nullClears, Instant now, String pointer) {
        checkIdentifiers(attributes, pointer);
        Optional<StoredProfile> match = resolve(id, attributes);
        boolean created = match.isEmpty();
        if (created && IDENTIFIERS.stream().noneMatch(identifier -> present(attributes, identifier))) {
            throw KlaviyoApiException.invalid(
                    "A profile needs one of email, phone_number or external_id.", pointer);
        }
        StoredProfile profile = match.orElseGet(() -> {
            StoredProfile fresh = new StoredProfile(ids.ulid(), now);
            byId.put(fresh.id, fresh);
            return fresh;
        });
        unindex(profile);
        merge(profile.attributes, attributes, nullClears);
        index(profile);
        profile.updated = now;
        return new Upsert(profile, created);
    }

    /** The one profile the identifiers point at, if any; refuses identifiers that point at two profiles. */
    Optional<StoredProfile> resolve(String id, JsonNode attributes) {
        Set<StoredProfile> matches = new LinkedHashSet<>();
        if (id != null) {
            matches.add(find(id).orElseThrow(() -> new KlaviyoApiException(
                    ApiError.notFound("There is no profile with id '" + id + "'."))));
        }
        for (String identifier : IDENTIFIERS) {
            if (present(attributes, identifier)) {
                findBy(identifier, attributes.get(identifier).asText()).ifPresent(matches::add);
            }
        }
        List<StoredProfile> distinct = new ArrayList<>(matches);
        if (distinct.size() > 1) {
            // The first match (by id, then email, phone, external id) is the profile being written; the next one
            // already holds an identifier the request would give it, which is the profile Klaviyo reports.
            throw duplicate(distinct.get(1).id);
        }
        return distinct.stream().findFirst();
    }

    /**
     * {@code POST /api/profiles}: creates a profile, or refuses with 409 {@code duplicate_profile} naming the profile
     * that already holds one of its identifiers (create never updates; profile-import does).
     */
    StoredProfile create(JsonNode attributes, Instant now, String pointer) {
        checkIdentifiers(attributes, pointer);
        if (IDENTIFIERS.stream().noneMatch(identifier -> present(attributes, identifier))) {
            throw KlaviyoApiException.invalid("A profile needs one of email, phone_number or external_id.", pointer);
        }
        Optional<StoredProfile> existing = resolveWithoutConflict(attributes);
        if (existing.isPresent()) {
            throw duplicate(existing.get().id);
        }
        return upsert(null, attributes, false, now, pointer).profile();
    }

    private Optional<StoredProfile> resolveWithoutConflict(JsonNode attributes) {
        for (String identifier : IDENTIFIERS) {
            if (present(attributes, identifier)) {
                Optional<StoredProfile> found = findBy(identifier, attributes.get(identifier).asText());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static KlaviyoApiException duplicate(String profileId) {
        return new KlaviyoApiException(new ApiError(409, "duplicate_profile", "Conflict.",
                "A profile already exists with one of these identifiers.", "/data/attributes", null,
                Map.of("duplicate_profile_id", profileId)));
    }

    /** Klaviyo refuses a malformed email or a phone number that is not E.164. */
    static void checkIdentifiers(JsonNode attributes, String pointer) {
        if (present(attributes, "email") && !EMAIL.matcher(attributes.get("email").asText()).matches()) {
            throw KlaviyoApiException.invalid("Invalid email address", pointer + "/email");
        }
        if (present(attributes, "phone_number") && !E164.matcher(attributes.get("phone_number").asText()).matches()) {
            throw KlaviyoApiException.invalid("Invalid phone number format (Example of a valid format: +12345678901)",
                    pointer + "/phone_number");
        }
    }

    static boolean present(JsonNode attributes, String field) {
        JsonNode value = attributes == null ? null : attributes.get(field);
        return value != null && !value.isNull() && !value.asText().isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> target, JsonNode changes, boolean nullClears) {
        changes.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            String name = field.getKey();
            if (value.isNull()) {
                if (nullClears) {
                    target.remove(name);
                }
            } else if (value.isObject() && (name.equals("location") || name.equals("properties"))) {
                // location and properties merge key by key: an omitted key keeps its value.
                Object existing = target.get(name);
                Map<String, Object> nested = existing instanceof Map<?, ?> map
                        ? (Map<String, Object>) map : new LinkedHashMap<>();
                merge(nested, value, nullClears);
                target.put(name, nested);
            } else {
                target.put(name, plain(value));
            }
        });
    }

    /** A JSON value as the plain Java value it is stored as; strings and booleans (most attributes) directly. */
    private static Object plain(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return JsonApi.MAPPER.convertValue(value, Object.class);
    }

    private void unindex(StoredProfile profile) {
        for (String identifier : IDENTIFIERS) {
            String value = profile.text(identifier);
            if (value != null) {
                index.get(identifier).remove(normalize(identifier, value));
            }
        }
    }

    private void index(StoredProfile profile) {
        for (String identifier : IDENTIFIERS) {
            String value = profile.text(identifier);
            if (value != null) {
                index.get(identifier).put(normalize(identifier, value), profile.id);
            }
        }
    }

    /** Emails match whatever their case, as in Klaviyo. */
    private static String normalize(String identifier, String value) {
        return identifier.equals("email") ? value.trim().toLowerCase(Locale.ROOT) : value.trim();
    }

    /** Creates a profile for an email unknown so far; used by the suppress helper and the subscribe job. */
    StoredProfile findOrCreateByEmail(String email, Instant now) {
        return findBy("email", email).orElseGet(() -> {
            JsonNode attributes = JsonApi.object().put("email", email);
            return upsert(null, attributes, false, now, "/data/attributes").profile();
        });
    }
}
