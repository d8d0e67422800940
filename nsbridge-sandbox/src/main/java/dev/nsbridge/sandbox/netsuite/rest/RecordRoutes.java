package dev.nsbridge.sandbox.netsuite.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.nsbridge.sandbox.netsuite.data.NetSuiteAccount;
import dev.nsbridge.sandbox.netsuite.data.SuiteQlException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The records API (reference §7): read, create and patch a record, and the metadata catalog's JSON schema. */
final class RecordRoutes {
    static final String RECORDS = "/services/rest/record/v1";
    private static final String SINGULAR = "application/vnd.oracle.resource+json; type=singular";
    private static final TypeReference<Map<String, Object>> BODY = new TypeReference<>() {
    };

    private final NetSuiteAccount account;
    private final ErrorResponses errors;

    RecordRoutes(NetSuiteAccount account, ErrorResponses errors) {
        this.account = account;
        this.errors = errors;
    }

    int get(Context ctx) {
        Optional<Map<String, Object>> record = recordType(ctx).flatMap(type -> id(ctx)
                .flatMap(id -> account.getRecord(type, id)));
        if (record.isEmpty()) {
            errors.notFound(ctx);
            return 0;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("links", List.of(NetSuiteJson.link("self", selfUrl(ctx))));
        body.putAll(record.get());
        NetSuiteJson.answer(ctx, 200, SINGULAR, NetSuiteJson.write(body));
        return 1;
    }

    int create(Context ctx) {
        Optional<String> type = recordType(ctx);
        if (type.isEmpty()) {
            errors.notFound(ctx);
            return 0;
        }
        Map<String, Object> body = body(ctx);
        if (body == null) {
            return 0;
        }
        try {
            long id = account.createRecord(type.get(), body);
            // NetSuite answers a create with 204 and the new record's URL; the body stays empty.
            ctx.status(204).header("Location", selfUrl(ctx) + "/" + id);
        } catch (SuiteQlException refused) {
            errors.send(ctx, 400, refused.errorCode(), refused.getMessage(), Map.of());
        }
        return 0;
    }

    int patch(Context ctx) {
        Optional<String> type = recordType(ctx);
        Optional<Long> id = id(ctx);
        if (type.isEmpty() || id.isEmpty()) {
            errors.notFound(ctx);
            return 0;
        }
        Map<String, Object> body = body(ctx);
        if (body == null) {
            return 0;
        }
        try {
            if (account.updateRecord(type.get(), id.get(), body)) {
                ctx.status(204);
            } else {
                errors.notFound(ctx);
            }
        } catch (SuiteQlException refused) {
            errors.send(ctx, 400, refused.errorCode(), refused.getMessage(), Map.of());
        }
        return 0;
    }

    /**
     * The list of record types that {@code GET metadata-catalog} answers: {@code items} of {@code name} and
     * {@code links} to each type's metadata in its forms and to its records; custom record types are listed by their
     * script ids among the standard ones, which is how clients find them (each type's schema then lists its
     * custrecord fields). Only the types this sandbox describes are listed, not NetSuite's hundreds.
     */
    int catalog(Context ctx) {
        String base = ctx.scheme() + "://" + ctx.header("Host") + RECORDS;
        List<Map<String, Object>> items = new ArrayList<>();
        for (String type : account.schemaTypes()) {
            String metadata = base + "/metadata-catalog/" + type;
            items.add(Map.of("name", type, "links", List.of(
                    Map.of("rel", "canonical", "href", metadata, "mediaType", "application/json"),
                    Map.of("rel", "alternate", "href", metadata, "mediaType", "application/schema+json"),
                    Map.of("rel", "describes", "href", base + "/" + type))));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", items);
        answer.put("links", List.of(Map.of("rel", "self", "href", base + "/metadata-catalog")));
        NetSuiteJson.answer(ctx, 200, "application/json", NetSuiteJson.write(answer));
        return 0;
    }

    int schema(Context ctx) {
        // Transactions and items have schemas (their custbody, custcol and custitem fields) but no record routes.
        Optional<Map<String, Object>> schema = account.recordSchema(ctx.pathParam("type"));
        if (schema.isEmpty()) {
            errors.notFound(ctx);
            return 0;
        }
        // Only the JSON schema form is served; NetSuite's other form (application/swagger+json) is left out.
        NetSuiteJson.answer(ctx, 200, "application/schema+json", NetSuiteJson.write(schema.get()));
        return 0;
    }

    private Optional<String> recordType(Context ctx) {
        String type = ctx.pathParam("type");
        return account.recordTypes().contains(type) ? Optional.of(type) : Optional.empty();
    }

    private static Optional<Long> id(Context ctx) {
        try {
            return Optional.of(Long.parseLong(ctx.pathParam("id")));
        } catch (NumberFormatException notAnId) {
            return Optional.empty();
        }
    }

    /** The request's own URL as the client addressed it, without the query. */
    private static String selfUrl(Context ctx) {
        return ctx.scheme() + "://" + ctx.header("Host") + ctx.req().getRequestURI();
    }

    private Map<String, Object> body(Context ctx) {
        try {
            // Decoded in the charset the request declares, and as UTF-8 (JSON's own) when none.
            Map<String, Object> body = NetSuiteJson.reader().readValue(ctx.body(), BODY);
            if (body != null) {
                return body;
            }
        } catch (IOException notJson) {
            // answered below
        }
        // The code NetSuite gives a body that is not a JSON object is not documented; INVALID_CONTENT is a pick.
        errors.send(ctx, 400, "INVALID_CONTENT", "The request body must be a JSON object.", Map.of());
        return null;
    }
}
