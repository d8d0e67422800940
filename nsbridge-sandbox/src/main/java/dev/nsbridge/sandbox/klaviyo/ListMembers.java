package dev.nsbridge.sandbox.klaviyo;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading a list's members: {@code GET /api/lists/{id}/profiles} and
 * {@code GET /api/lists/{id}/relationships/profiles}, filtered on email, phone number or {@code joined_group_at},
 * sorted on {@code joined_group_at} (join order when no sort is given), 20 a page by default and up to 100.
 */
final class ListMembers {
    private static final int DEFAULT_PAGE_SIZE = 20;

    private final KlaviyoStore store;
    private final ListsAndConsent lists;

    ListMembers(KlaviyoStore store, ListsAndConsent lists) {
        this.store = store;
        this.lists = lists;
    }

    private record Member(StoredProfile profile, Instant joinedAt) {
    }

    ApiAnswer profiles(ApiCall call) {
        ProfileExtras extras = ProfileExtras.of(call);
        return Paging.page(call, members(call), DEFAULT_PAGE_SIZE,
                member -> Resources.profile(member.profile(), call.baseUrl(), extras, member.joinedAt()));
    }

    ApiAnswer profileIds(ApiCall call) {
        return Paging.page(call, members(call), DEFAULT_PAGE_SIZE,
                member -> Resources.identifier("profile", member.profile().id));
    }

    private List<Member> members(ApiCall call) {
        Map<String, Instant> joined = lists.members(call.pathParam("id"));
        var filter = ProfileFilter.listMembers(call.queryParam("filter"), profile -> joined.get(profile.id));
        Comparator<Member> order = Comparator.comparing(Member::joinedAt);
        if ("-joined_group_at".equals(call.queryParam("sort"))) {
            order = order.reversed();
        }
        return joined.entrySet().stream()
                .map(entry -> store.profiles.find(entry.getKey()).map(profile -> new Member(profile, entry.getValue())))
                .flatMap(Optional::stream)
                .filter(member -> filter.test(member.profile()))
                .sorted(order)
                .toList();
    }
}
