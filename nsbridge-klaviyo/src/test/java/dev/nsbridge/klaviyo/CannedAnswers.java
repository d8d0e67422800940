package dev.nsbridge.klaviyo;

import dev.nsbridge.klaviyo.FakeKlaviyo.Answer;
import dev.nsbridge.klaviyo.FakeKlaviyo.Captured;
import java.net.URI;

/** Plausible answers per operation, shaped after the spec's response schemas. */
final class CannedAnswers {
    private CannedAnswers() {
    }

    static Answer answer(Captured request, URI base) {
        String route = request.method() + " " + request.path();
        if (route.equals("GET /api/accounts")) {
            return Answer.of(200, """
                    {"data":[{"type":"account","id":"AbC123","attributes":{"test_account":false,
                    "contact_information":{"default_sender_name":"Shop","default_sender_email":"shop@example.com",
                    "organization_name":"Example Shop","street_address":{}},"timezone":"UTC",
                    "preferred_currency":"USD","public_api_key":"AbC123","locale":"en-US"},
                    "links":{"self":"%s/api/accounts/AbC123"}}],"links":{"self":"%s/api/accounts"}}
                    """.formatted(base, base));
        }
        if (route.equals("POST /api/profile-import")) {
            return Answer.of(201, """
                    {"data":{"type":"profile","id":"01PROFILE","attributes":{"email":"sarah@example.com"},
                    "links":{"self":"%s/api/profiles/01PROFILE"}}}""".formatted(base));
        }
        if (route.equals("POST /api/profile-bulk-import-jobs")) {
            return Answer.of(202, job("profile-bulk-import-job", "IMPORT1", "queued", base));
        }
        if (route.matches("GET /api/profile-bulk-import-jobs/[^/]+/import-errors")) {
            return Answer.of(200, """
                    {"data":[{"type":"import-error","id":"E1","attributes":{"code":"invalid","title":"Invalid input.",
                    "detail":"Invalid email address.","source":{"pointer":"/data/attributes/email"},
                    "original_payload":{"email":"not-an-email"}}}],"links":{"self":"%s/x"}}""".formatted(base));
        }
        if (route.matches("GET /api/profile-bulk-import-jobs/[^/]+")) {
            return Answer.of(200, job("profile-bulk-import-job", "IMPORT1", "complete", base));
        }
        java.util.regex.Matcher catalogJob = java.util.regex.Pattern
                .compile("(POST|GET) /api/(catalog-(?:item|variant)-bulk-(?:create|update|delete)-job)s(/[^/]+)?")
                .matcher(route);
        if (catalogJob.matches()) {
            boolean submitted = catalogJob.group(1).equals("POST");
            return Answer.of(submitted ? 202 : 200, job(catalogJob.group(2), "CATALOG1",
                    submitted ? "queued" : "complete", base));
        }
        if (route.equals("GET /api/catalog-items") || route.equals("GET /api/catalog-variants")) {
            String type = route.endsWith("items") ? "catalog-item" : "catalog-variant";
            return Answer.of(200, """
                    {"data":[{"type":"%s","id":"$custom:::$default:::SKU-1","attributes":{"external_id":"SKU-1"},
                    "links":{"self":"%s/api/x"}}],"links":{"self":"%s/api/x"}}""".formatted(type, base, base));
        }
        if (route.equals("GET /api/lists")) {
            return Answer.of(200, """
                    {"data":[{"type":"list","id":"LIST1","attributes":{"name":"Newsletter",
                    "opt_in_process":"single_opt_in"},"links":{"self":"%s/api/lists/LIST1"}}],
                    "links":{"self":"%s/api/lists"}}""".formatted(base, base));
        }
        if (route.equals("GET /api/profiles")) {
            return Answer.of(200, profilesPage(base, null));
        }
        if (route.matches("POST /api/lists/[^/]+/relationships/profiles")) {
            return Answer.of(204, null);
        }
        if (route.equals("POST /api/events") || route.equals("POST /api/event-bulk-create-jobs")
                || route.equals("POST /api/profile-subscription-bulk-create-jobs")) {
            return Answer.of(202, null);
        }
        return Answer.of(404, """
                {"errors":[{"id":"x","status":404,"code":"not_found","title":"Not found.","detail":"No route."}]}""");
    }

    static String job(String type, String id, String status, URI base) {
        return """
                {"data":{"type":"%s","id":"%s","attributes":{"status":"%s","created_at":"2026-07-20T10:00:00+00:00",
                "total_count":2,"completed_count":%d,"failed_count":0,"expires_at":"2026-07-27T10:00:00+00:00"},
                "links":{"self":"%s/api/x/%s"}},"links":{"self":"%s/api/x/%s"}}"""
                .formatted(type, id, status, status.equals("complete") ? 2 : 0, base, id, base, id);
    }

    /** A page of one profile suppressed at {@code 2026-07-01}; {@code next} is a full next link or null. */
    static String profilesPage(URI base, String next) {
        return profilesPage(base, "01P", next);
    }

    static String profilesPage(URI base, String id, String next) {
        return """
                {"data":[{"type":"profile","id":"%s","attributes":{"email":"%s@example.com",
                "created":"2025-01-01T00:00:00+00:00","updated":"2026-07-01T00:00:00+00:00",
                "subscriptions":{"email":{"marketing":{"can_receive_email_marketing":false,"consent":"UNSUBSCRIBED",
                "suppression":[{"reason":"UNSUBSCRIBE","timestamp":"2026-07-01T00:00:00+00:00"}]}}}},
                "links":{"self":"%s/api/profiles/%s"}}],
                "links":{"self":"%s/api/profiles"%s}}"""
                .formatted(id, id, base, id, base, next == null ? "" : ",\"next\":\"" + next + "\"");
    }
}
