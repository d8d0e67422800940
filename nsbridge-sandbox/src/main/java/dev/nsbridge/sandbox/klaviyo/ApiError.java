package dev.nsbridge.sandbox.klaviyo;

import java.util.Map;

/**
 * One JSON:API error object as Klaviyo writes it. {@code pointer} locates a body field, {@code parameter} a query
 * parameter or header; {@code meta} carries extras such as {@code duplicate_profile_id}.
 */
record ApiError(int status, String code, String title, String detail, String pointer, String parameter,
                Map<String, Object> meta) {

    static ApiError invalid(String detail, String pointer) {
        return new ApiError(400, "invalid", "Invalid input.", detail, pointer, null, Map.of());
    }

    static ApiError invalidParameter(String detail, String parameter) {
        return new ApiError(400, "invalid", "Invalid input.", detail, null, parameter, Map.of());
    }

    static ApiError notFound(String detail) {
        return new ApiError(404, "not_found", "Not found.", detail, null, null, Map.of());
    }
}
