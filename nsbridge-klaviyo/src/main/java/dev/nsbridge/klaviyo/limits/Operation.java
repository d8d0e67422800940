package dev.nsbridge.klaviyo.limits;

import java.util.List;

/**
 * Every request nsbridge sends to Klaviyo, with the limits and scopes Klaviyo's OpenAPI spec (revision 2026-07-15)
 * states for it in {@code x-klaviyo-ratelimit} and {@code x-klaviyo-scopes}. A test reads the spec and checks this
 * table, so a new revision that changes a limit fails the build instead of earning 429s.
 */
public enum Operation {
    GET_ACCOUNTS("GET", "/api/accounts", 1, 15, List.of("accounts:read")),
    CREATE_OR_UPDATE_PROFILE("POST", "/api/profile-import", 75, 750, List.of("profiles:write")),
    BULK_IMPORT_PROFILES("POST", "/api/profile-bulk-import-jobs", 10, 150, List.of("lists:write", "profiles:write")),
    GET_BULK_IMPORT_PROFILES_JOB("GET", "/api/profile-bulk-import-jobs/{job_id}", 10, 150,
            List.of("lists:read", "profiles:read")),
    GET_BULK_IMPORT_PROFILES_ERRORS("GET", "/api/profile-bulk-import-jobs/{id}/import-errors", 10, 150,
            List.of("profiles:read")),
    BULK_CREATE_EVENTS("POST", "/api/event-bulk-create-jobs", 10, 150, List.of("events:write")),
    CREATE_EVENT("POST", "/api/events", 350, 3500, List.of("events:write")),
    GET_LISTS("GET", "/api/lists", 75, 750, List.of("lists:read")),
    ADD_PROFILES_TO_LIST("POST", "/api/lists/{id}/relationships/profiles", 10, 150,
            List.of("lists:write", "profiles:write")),
    BULK_SUBSCRIBE_PROFILES("POST", "/api/profile-subscription-bulk-create-jobs", 75, 750,
            List.of("lists:write", "profiles:write", "subscriptions:write")),
    BULK_CREATE_CATALOG_ITEMS("POST", "/api/catalog-item-bulk-create-jobs", 75, 750, List.of("catalogs:write")),
    GET_BULK_CREATE_CATALOG_ITEMS_JOB("GET", "/api/catalog-item-bulk-create-jobs/{job_id}", 75, 750,
            List.of("catalogs:read")),
    BULK_UPDATE_CATALOG_ITEMS("POST", "/api/catalog-item-bulk-update-jobs", 75, 750, List.of("catalogs:write")),
    GET_BULK_UPDATE_CATALOG_ITEMS_JOB("GET", "/api/catalog-item-bulk-update-jobs/{job_id}", 75, 750,
            List.of("catalogs:read")),
    BULK_DELETE_CATALOG_ITEMS("POST", "/api/catalog-item-bulk-delete-jobs", 75, 750, List.of("catalogs:write")),
    GET_BULK_DELETE_CATALOG_ITEMS_JOB("GET", "/api/catalog-item-bulk-delete-jobs/{job_id}", 350, 3500,
            List.of("catalogs:read")),
    GET_CATALOG_ITEMS("GET", "/api/catalog-items", 350, 3500, List.of("catalogs:read")),
    BULK_CREATE_CATALOG_VARIANTS("POST", "/api/catalog-variant-bulk-create-jobs", 75, 750,
            List.of("catalogs:write")),
    GET_BULK_CREATE_CATALOG_VARIANTS_JOB("GET", "/api/catalog-variant-bulk-create-jobs/{job_id}", 75, 750,
            List.of("catalogs:read")),
    BULK_UPDATE_CATALOG_VARIANTS("POST", "/api/catalog-variant-bulk-update-jobs", 75, 750,
            List.of("catalogs:write")),
    GET_BULK_UPDATE_CATALOG_VARIANTS_JOB("GET", "/api/catalog-variant-bulk-update-jobs/{job_id}", 75, 750,
            List.of("catalogs:read")),
    BULK_DELETE_CATALOG_VARIANTS("POST", "/api/catalog-variant-bulk-delete-jobs", 75, 750,
            List.of("catalogs:write")),
    GET_BULK_DELETE_CATALOG_VARIANTS_JOB("GET", "/api/catalog-variant-bulk-delete-jobs/{job_id}", 350, 3500,
            List.of("catalogs:read")),
    GET_CATALOG_VARIANTS("GET", "/api/catalog-variants", 350, 3500, List.of("catalogs:read")),
    GET_PROFILES("GET", "/api/profiles", 75, 750, List.of("profiles:read"));

    private final String method;
    private final String pathTemplate;
    private final int burstPerSecond;
    private final int steadyPerMinute;
    private final List<String> scopes;

    Operation(String method, String pathTemplate, int burstPerSecond, int steadyPerMinute, List<String> scopes) {
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.burstPerSecond = burstPerSecond;
        this.steadyPerMinute = steadyPerMinute;
        this.scopes = scopes;
    }

    public String method() {
        return method;
    }

    /** The path as the spec spells it, placeholders included. */
    public String pathTemplate() {
        return pathTemplate;
    }

    public int burstPerSecond() {
        return burstPerSecond;
    }

    public int steadyPerMinute() {
        return steadyPerMinute;
    }

    /** What a private API key needs for this operation. */
    public List<String> scopes() {
        return scopes;
    }

    /** For messages: {@code POST /api/profile-import}. */
    public String describe() {
        return method + " " + pathTemplate;
    }
}
