package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code GET /api/profiles}: filter, sort, {@code page[size]} up to 100 and cursor paging through {@code links.next}. */
final class ProfileQuery {
    private static final int DEFAULT_PAGE_SIZE = 20;

    private final KlaviyoStore store;

    ProfileQuery(KlaviyoStore store) {
        this.store = store;
    }

    ApiAnswer page(ApiCall call) {
        int size = Optional.ofNullable(call.queryParam("page[size]")).map(Integer::parseInt)
                .orElse(DEFAULT_PAGE_SIZE);
        int offset = Cursors.offset(call.queryParam("page[cursor]"));
        boolean withSubscriptions = String.valueOf(call.queryParam("additional-fields[profile]"))
                .contains("subscriptions");
        List<StoredProfile> matching = store.profiles.all().stream()
                .filter(ProfileFilter.parse(call.queryParam("filter")))
                .sorted(order(call.queryParam("sort")))
                .toList();
        ArrayNode data = JsonApi.array();
        matching.stream().skip(offset).limit(size)
                .forEach(profile -> data.add(Resources.profile(profile, call.baseUrl(), withSubscriptions)));
        ObjectNode document = JsonApi.document(data, call.selfUrl());
        if (offset + size < matching.size()) {
            ((ObjectNode) document.get("links")).put("next", Cursors.next(call, offset + size));
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
            case "subscriptions.email.marketing.suppression.timestamp" -> Comparator.comparing(
                    StoredProfile::suppressedAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()));
            default -> throw new KlaviyoApiException(ApiError.invalidParameter(
                    "The sandbox cannot sort profiles by '" + field + "'.", "sort"));
        };
        Comparator<StoredProfile> ordered = descending ? byField.reversed() : byField;
        return ordered.thenComparing(profile -> profile.id);
    }
}
