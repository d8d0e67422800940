package dev.nsbridge.sandbox.netsuite.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nsbridge.sandbox.netsuite.data.NetSuiteAccount;
import dev.nsbridge.sandbox.netsuite.data.SuiteQlException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code POST /services/rest/query/v1/suiteql}: paging rules, the 100,000-row cap and NetSuite's answer shape. */
final class SuiteQlRoute implements RestGate.Resource {
    static final String PATH = "/services/rest/query/v1/suiteql";
    static final int MAX_LIMIT = 1000;
    /**
     * "Using SuiteQL queries, you can return a maximum of 100,000 results" (section_157909186990). What an answer
     * says at that edge is not documented; the sandbox treats the query's result as its first 100,000 rows, so
     * no page holds a row past the 100,000th, totalResults counts at most 100,000, hasMore is false and there is
     * no next link once a page reaches it, and an offset of 100,000 or more is refused. Collection Paging
     * (section_156414087576) says count, hasMore and totalResults describe the results that can be retrieved in
     * later requests, which only this reading keeps true. Its other rule, at most 1000 pages, is written for
     * record lists and workbook results and is not applied to SuiteQL.
     */
    static final int MAX_ROWS = 100_000;
    private static final String COLLECTION = "application/vnd.oracle.resource+json; type=collection";

    private final NetSuiteAccount account;
    private final ErrorResponses errors;

    SuiteQlRoute(NetSuiteAccount account, ErrorResponses errors) {
        this.account = account;
        this.errors = errors;
    }

    @Override
    public int serve(Context ctx) {
        String prefer = ctx.header("Prefer");
        if (prefer == null || !prefer.toLowerCase(Locale.ROOT).contains("transient")) {
            // NetSuite requires the header; the exact wording of its refusal is not documented.
            errors.send(ctx, 400, "INVALID_PARAMETER", "The request must include the header 'Prefer: transient'.",
                    Map.of("o:errorHeader", "Prefer"));
            return 0;
        }
        Integer limit = intParam(ctx, "limit", MAX_LIMIT);
        Integer offset = intParam(ctx, "offset", 0);
        if (limit == null || limit < 1 || limit > MAX_LIMIT) {
            errors.badParameter(ctx, "Invalid value for the 'limit' query parameter. It must be a number from 1 to "
                    + MAX_LIMIT + ".", "limit");
            return 0;
        }
        if (offset == null || offset < 0 || offset % limit != 0) {
            errors.badParameter(ctx, "Invalid value for the 'offset' query parameter. It must be divisible by the"
                    + " limit.", "offset");
            return 0;
        }
        if (offset >= MAX_ROWS) {
            errors.badParameter(ctx, "Invalid value for the 'offset' query parameter. A query returns at most "
                    + MAX_ROWS + " results; read large tables in id ranges.", "offset");
            return 0;
        }
        // Javalin decodes the body in the charset the request declares, and as UTF-8 (JSON's own) when none.
        Query query = parseBody(ctx.body());
        if (query == null) {
            errors.badParameter(ctx, "Invalid search query. The request body must be a JSON object with a 'q'"
                    + " string and an optional 'params' array.", "q");
            return 0;
        }
        NetSuiteAccount.QueryPage page;
        try {
            // A page that straddles the cap is cut at it: limit 7 from offset 99,995 serves five rows.
            page = account.query(query.q(), query.params(), offset, Math.min(limit, MAX_ROWS - offset));
        } catch (SuiteQlException refused) {
            errors.send(ctx, 400, refused.errorCode(), refused.getMessage(), Map.of("o:errorQueryParam", "q"));
            return 0;
        }
        NetSuiteJson.answer(ctx, 200, COLLECTION, NetSuiteJson.write(answer(ctx, page, offset, limit)));
        return page.items().size();
    }

    private static Map<String, Object> answer(Context ctx, NetSuiteAccount.QueryPage page, int offset, int limit) {
        int count = page.items().size();
        long totalResults = Math.min(page.totalResults(), MAX_ROWS);
        boolean hasMore = offset + count < totalResults;
        String base = ctx.scheme() + "://" + ctx.header("Host") + PATH;
        List<Map<String, String>> links = new ArrayList<>();
        links.add(NetSuiteJson.link("self", base + "?limit=" + limit + "&offset=" + offset));
        if (hasMore) {
            links.add(NetSuiteJson.link("next", base + "?limit=" + limit + "&offset=" + (offset + limit)));
        }
        List<Map<String, Object>> items = new ArrayList<>(count);
        for (Map<String, String> row : page.items()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("links", List.of());
            item.putAll(row);
            items.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("links", links);
        body.put("count", count);
        body.put("hasMore", hasMore);
        body.put("items", items);
        body.put("offset", offset);
        body.put("totalResults", totalResults);
        return body;
    }

    private static Integer intParam(Context ctx, String name, int fallback) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private record Query(String q, List<String> params) {
    }

    private static Query parseBody(String body) {
        try {
            JsonNode root = NetSuiteJson.reader().readTree(body);
            if (root == null || !root.isObject() || !root.path("q").isTextual()) {
                return null;
            }
            List<String> params = new ArrayList<>();
            JsonNode given = root.path("params");
            if (!given.isMissingNode() && !given.isNull()) {
                if (!given.isArray()) {
                    return null;
                }
                given.forEach(value -> params.add(value.asText()));
            }
            return new Query(root.get("q").asText(), params);
        } catch (IOException notJson) {
            return null;
        }
    }
}
