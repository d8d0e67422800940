package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Profile reads: {@code GET /api/profiles} (filter, sort, {@code page[size]} up to 100, cursor paging through
 * {@code links.next}) and {@code GET /api/profiles/{id}} with its {@code include}s.
 */
final class ProfileQuery {
    private static final int DEFAULT_PAGE_SIZE = 20;

    private final KlaviyoStore store;
    private final ListsAndConsent lists;

    ProfileQuery(KlaviyoStore store, ListsAndConsent lists) {
        this.store = store;
        this.lists = lists;
    }

    ApiAnswer page(ApiCall call) {
        ProfileExtras extras = ProfileExtras.of(call);
        List<StoredProfile> matching = store.profiles.all().stream()
                .filter(ProfileFilter.profiles(call.queryParam("filter")))
                .sorted(order(call.queryParam("sort")))
                .toList();
        return Paging.page(call, matching, DEFAULT_PAGE_SIZE,
                profile -> Resources.profile(profile, call.baseUrl(), extras));
    }

    /**
     * {@code GET /api/profiles/{id}}. {@code include=lists} adds the lists the profile is on; the sandbox keeps no
     * segments, push tokens or conversations, so those includes come back empty.
     */
    ApiAnswer one(ApiCall call) {
        String id = call.pathParam("id");
        StoredProfile profile = store.profiles.find(id).orElseThrow(() -> new KlaviyoApiException(
                ApiError.notFound("There is no profile with id '" + id + "'.")));
        ObjectNode resource = Resources.profile(profile, call.baseUrl(), ProfileExtras.of(call));
        ObjectNode document = JsonApi.document(resource, call.selfUrl());
        List<String> include = Includes.of(call);
        if (!include.isEmpty()) {
            ArrayNode included = document.putArray("included");
            ObjectNode relationships = (ObjectNode) resource.get("relationships");
            for (String relationship : include) {
                ArrayNode data = JsonApi.array();
                if (relationship.equals("lists")) {
                    lists.listsOf(profile.id).forEach(list -> {
                        data.add(Resources.identifier("list", list.id()));
                        included.add(Resources.list(list, call.baseUrl()));
                    });
                }
                ObjectNode entry = relationships.has(relationship) ? (ObjectNode) relationships.get(relationship)
                        : relationships.putObject(relationship);
                entry.set("data", data);
                entry.set("links", Resources.relationshipLinks(call.baseUrl(), "profiles", profile.id,
                        relationship));
            }
        }
        return ApiAnswer.of(200, document);
    }

    /** Profiles without a value for the sort field sort after the others ascending; the id breaks ties so pages are stable. */
    private static Comparator<StoredProfile> order(String sort) {
        if (sort == null) {
            return Comparator.comparing(profile -> profile.id);
        }
        boolean descending = sort.startsWith("-");
        String field = descending ? sort.substring(1) : sort;
        Comparator<StoredProfile> byField = switch (field) {
            case "id" -> Comparator.comparing(profile -> profile.id);
            case "created" -> Comparator.comparing(profile -> profile.created);
            case "updated" -> Comparator.comparing(profile -> profile.updated);
            case "email" -> Comparator.comparing(profile -> Objects.toString(profile.text("email"), ""));
            case ProfileFilter.SUPPRESSION_TIMESTAMP -> Comparator.comparing(
                    StoredProfile::suppressedAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()));
            case "subscriptions.email.marketing.list_suppressions.timestamp" -> Comparator.comparing(
                    profile -> profile.listSuppressions.stream().map(StoredProfile.ListSuppression::timestamp)
                            .max(Instant::compareTo).orElse(null),
                    Comparator.nullsLast(Comparator.<Instant>naturalOrder()));
            default -> throw new KlaviyoApiException(ApiError.invalidParameter(
                    "The sandbox cannot sort profiles by '" + field + "'.", "sort"));
        };
        Comparator<StoredProfile> ordered = descending ? byField.reversed() : byField;
        return ordered.thenComparing(profile -> profile.id);
    }
}
