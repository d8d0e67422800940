package dev.nsbridge.sandbox.netsuite.rest;

import dev.nsbridge.sandbox.netsuite.auth.TokenRefusal;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NetSuite's error bodies (reference §5, section_156570709583). The {@code type} anchors point at the RFC 2616
 * section of each status, as live answers do; RFC 2616 has no 429, so that one carries the bare page URL (a pick:
 * Oracle's 429 example does not show it).
 */
public final class ErrorResponses {
    /** Marks a context whose error body is written, so the unknown-path handler leaves a resource's 404 alone. */
    static final String SENT = "netsuite.error";
    static final String ERROR_CONTENT_TYPE = "application/vnd.oracle.resource+json; type=error";
    static final String INVALID_LOGIN_DETAIL = "Invalid login attempt. For more details, see the Login Audit Trail in"
            + " the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.";
    private static final String RFC_2616 = "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html";
    private static final Map<Integer, String> TITLES = Map.of(400, "Bad Request", 401, "Unauthorized", 403,
            "Forbidden", 404, "Not Found", 429, "Too Many Requests", 500, "Internal Server Error");
    private static final Map<Integer, String> SECTIONS = Map.of(400, "#sec10.4.1", 401, "#sec10.4.2", 403,
            "#sec10.4.4", 404, "#sec10.4.5", 500, "#sec10.5.1");
    private static final char[] ERROR_ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final String accountId;
    private final SecureRandom random = new SecureRandom();

    public ErrorResponses(String accountId) {
        this.accountId = accountId;
    }

    /** One error detail; {@code where} names an optional {@code o:errorQueryParam}/{@code o:errorHeader} pointer. */
    void send(Context ctx, int status, String code, String detail, Map<String, String> where) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("detail", detail);
        item.put("o:errorCode", code);
        item.putAll(where);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", RFC_2616 + SECTIONS.getOrDefault(status, ""));
        body.put("title", TITLES.getOrDefault(status, "Error"));
        body.put("status", status);
        body.put("o:errorDetails", List.of(item));
        if (status == 429) {
            // Oracle's example of this error also carries a top-level category.
            body.put("o:errorCode", "USER_ERROR");
        }
        ctx.attribute(SENT, Boolean.TRUE);
        NetSuiteJson.answer(ctx, status, ERROR_CONTENT_TYPE, NetSuiteJson.write(body));
    }

    void badParameter(Context ctx, String detail, String queryParam) {
        send(ctx, 400, "INVALID_PARAMETER", detail, Map.of("o:errorQueryParam", queryParam));
    }

    /** Every refused login looks the same on the wire; the reason is in the login audit trail only. */
    void invalidLogin(Context ctx, boolean bearer) {
        if (bearer) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"" + accountId
                    + "\", error=\"invalid_token\", error_description=\"Invalid login attempt.\"");
        }
        send(ctx, 401, "INVALID_LOGIN", INVALID_LOGIN_DETAIL, Map.of());
    }

    /**
     * A refused token request, in OAuth 2.0's shape: {@code {"error":"invalid_grant"}} and nothing else, as Oracle
     * shows it; invalid_client carries the Basic challenge naming the account that Oracle documents for it.
     */
    void tokenRefused(Context ctx, TokenRefusal refusal) {
        if (refusal == TokenRefusal.INVALID_CLIENT) {
            ctx.header("WWW-Authenticate", "Basic realm=\"" + accountId + "\"");
        }
        ctx.attribute(SENT, Boolean.TRUE);
        ctx.status(refusal.status()).header("Cache-Control", "no-store").contentType("application/json")
                .result(NetSuiteJson.writePlain(Map.of("error", refusal.error())));
    }

    void concurrencyLimit(Context ctx) {
        send(ctx, 429, "CONCURRENCY_LIMIT_EXCEEDED", "Concurrent request limit exceeded. Request blocked.", Map.of());
    }

    void notFound(Context ctx) {
        send(ctx, 404, "NONEXISTENT_ID", "Record does not exist.", Map.of());
    }

    void unexpected(Context ctx) {
        send(ctx, 500, "UNEXPECTED_ERROR", "An unexpected error occurred. Error ID: " + errorId(), Map.of());
    }

    /** NetSuite's error ids are about 20 lower-case letters and digits; any such string will do here. */
    private String errorId() {
        StringBuilder id = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            id.append(ERROR_ID_CHARS[random.nextInt(ERROR_ID_CHARS.length)]);
        }
        return id.toString();
    }
}
