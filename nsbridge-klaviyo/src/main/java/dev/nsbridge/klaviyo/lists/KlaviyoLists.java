package dev.nsbridge.klaviyo.lists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.nsbridge.klaviyo.http.BatchSplitter;
import dev.nsbridge.klaviyo.http.JsonApi;
import dev.nsbridge.klaviyo.http.KlaviyoHttp;
import dev.nsbridge.klaviyo.http.Pages;
import dev.nsbridge.klaviyo.http.QueryString;
import dev.nsbridge.klaviyo.limits.Operation;
import java.util.List;
import java.util.stream.Stream;

/** Lists and membership. Adding a profile to a list gives no consent; {@link KlaviyoSubscriptions} does. */
public final class KlaviyoLists {
    /** The spec caps {@code page[size]} of {@code GET /api/lists} at 10. */
    static final int PAGE_SIZE = 10;
    public static final BatchSplitter LIMITS = new BatchSplitter(1_000, BatchSplitter.FIVE_MB, BatchSplitter.FIVE_MB);

    private final KlaviyoHttp http;
    private final BatchSplitter limits;

    public KlaviyoLists(KlaviyoHttp http) {
        this(http, LIMITS);
    }

    public KlaviyoLists(KlaviyoHttp http, BatchSplitter limits) {
        this.http = http;
        this.limits = limits;
    }

    /** {@code GET /api/lists}, every page, fetched as consumed. */
    public Stream<KlaviyoList> lists() {
        return Pages.items(http, Operation.GET_LISTS, Operation.GET_LISTS.pathTemplate(),
                QueryString.empty().with("page[size]", PAGE_SIZE),
                node -> new KlaviyoList(node.path("id").asText(),
                        JsonApi.textOrNull(node.path("attributes").path("name")),
                        JsonApi.textOrNull(node.path("attributes").path("opt_in_process"))));
    }

    /**
     * {@code POST /api/lists/{id}/relationships/profiles} (204), 1,000 profile ids a request.
     *
     * @return how many requests were sent
     */
    public int addProfiles(String listId, List<String> profileIds) {
        String path = "/api/lists/" + QueryString.pathSegment(listId) + "/relationships/profiles";
        List<JsonNode> items = profileIds.stream()
                .<JsonNode>map(id -> JsonApi.object().put("type", "profile").put("id", id)).toList();
        List<List<JsonNode>> chunks = limits.split(items, JsonApi.bytes(JsonApi.document(JsonApi.array())).length);
        for (List<JsonNode> chunk : chunks) {
            ArrayNode data = JsonApi.array().addAll(chunk);
            http.post(Operation.ADD_PROFILES_TO_LIST, path, JsonApi.document(data));
        }
        return chunks.size();
    }
}
