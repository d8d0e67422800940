package dev.nsbridge.klaviyo.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One entry of a JSON:API {@code errors} array.
 *
 * @param status             the HTTP status Klaviyo put in the entry (it sends a number; some proxies a string)
 * @param code               e.g. {@code invalid}, {@code duplicate_profile}
 * @param pointer            {@code source.pointer}: the JSON pointer of the offending attribute, if given
 * @param parameter          {@code source.parameter}: the offending query parameter, if given
 * @param duplicateProfileId {@code meta.duplicate_profile_id} of a 409: the profile that already owns the identifier
 */
public record ApiError(String id, int status, String code, String title, String detail, String pointer,
                       String parameter, String duplicateProfileId) {

    static ApiError from(JsonNode node, int httpStatus) {
        JsonNode status = node.path("status");
        int parsed = status.canConvertToInt() ? status.asInt()
                : status.isTextual() && status.asText().matches("\\d{3}") ? Integer.parseInt(status.asText()) : httpStatus;
        return new ApiError(text(node.path("id")), parsed, text(node.path("code")), text(node.path("title")),
                text(node.path("detail")), text(node.path("source").path("pointer")),
                text(node.path("source").path("parameter")), text(node.path("meta").path("duplicate_profile_id")));
    }

    public Optional<String> duplicateProfile() {
        return Optional.ofNullable(duplicateProfileId);
    }

    /** {@code invalid: Invalid email address. (at /data/attributes/email)}, for a person. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(code == null ? "error" : code).append(": ");
        text.append(detail != null ? detail : title != null ? title : "no detail given");
        if (pointer != null) {
            text.append(" (at ").append(pointer).append(')');
        } else if (parameter != null) {
            text.append(" (parameter ").append(parameter).append(')');
        }
        return text.toString();
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}
