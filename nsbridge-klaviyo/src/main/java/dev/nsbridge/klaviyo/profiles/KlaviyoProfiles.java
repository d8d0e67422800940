package dev.nsbridge.klaviyo.profiles;

import dev.nsbridge.klaviyo.http.JsonApi;
import dev.nsbridge.klaviyo.http.KlaviyoHttp;
import dev.nsbridge.klaviyo.http.KlaviyoResponse;
import dev.nsbridge.klaviyo.http.Page;
import dev.nsbridge.klaviyo.http.Pages;
import dev.nsbridge.klaviyo.http.QueryString;
import dev.nsbridge.klaviyo.limits.Operation;
import java.util.stream.Stream;

/** One profile at a time: create or update it, and read profiles back page by page. */
public final class KlaviyoProfiles {
    private final KlaviyoHttp http;

    public KlaviyoProfiles(KlaviyoHttp http) {
        this.http = http;
    }

    /**
     * {@code POST /api/profile-import}: creates the profile (201) or updates the one its identifiers match (200).
     * A 409 {@code duplicate_profile} (email and phone belong to two profiles) is a {@code RecordException} whose
     * {@code KlaviyoApiException} cause names the existing profile: retry with {@link Profile#withId(String)}.
     */
    public ProfileImportResult upsert(Profile profile) {
        KlaviyoResponse response = http.post(Operation.CREATE_OR_UPDATE_PROFILE, Operation.CREATE_OR_UPDATE_PROFILE
                .pathTemplate(), JsonApi.document(ProfileJson.resource(profile)));
        return new ProfileImportResult(response.data().path("id").asText(), response.status() == 201);
    }

    /** Profiles matching the query, fetched a page at a time as the stream is consumed. */
    public Stream<KlaviyoProfile> profiles(ProfileQuery query) {
        return pages(query).flatMap(page -> page.items().stream());
    }

    /** The same, page by page, for callers that checkpoint after each page. */
    public Stream<Page<KlaviyoProfile>> pages(ProfileQuery query) {
        QueryString first = QueryString.empty()
                .with("filter", query.filter() == null ? null : query.filter().expression())
                .with("sort", query.sort() == null ? null : query.sort().wire())
                .with("page[size]", query.pageSize())
                .with("additional-fields[profile]", query.withSubscriptions() ? "subscriptions" : null);
        return Pages.pages(http, Operation.GET_PROFILES, Operation.GET_PROFILES.pathTemplate(), first,
                KlaviyoProfile::from);
    }
}
