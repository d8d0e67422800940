package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a sorted result: {@code page[size]} (the spec checks its bounds before the handler runs) and an opaque
 * {@code page[cursor]}, with {@code links.next} and {@code links.prev} repeating the query as Klaviyo's links do.
 */
final class Paging {
    private Paging() {
    }

    static <T> ApiAnswer page(ApiCall call, List<T> sorted, int defaultSize, Function<T, JsonNode> render) {
        ObjectNode document = pageDocument(call, sorted, defaultSize, render);
        return ApiAnswer.of(200, document);
    }

    /** The page's document, for answers that add {@code included} to it. */
    static <T> ObjectNode pageDocument(ApiCall call, List<T> sorted, int defaultSize, Function<T, JsonNode> render) {
        int size = Optional.ofNullable(call.queryParam("page[size]")).map(Integer::parseInt).orElse(defaultSize);
        int offset = Cursors.offset(call.queryParam("page[cursor]"));
        ArrayNode data = JsonApi.array();
        sorted.stream().skip(offset).limit(size).forEach(item -> data.add(render.apply(item)));
        ObjectNode document = JsonApi.document(data, call.selfUrl());
        ObjectNode links = (ObjectNode) document.get("links");
        if (offset + size < sorted.size()) {
            links.put("next", Cursors.next(call, offset + size));
        }
        if (offset > 0) {
            links.put("prev", Cursors.next(call, Math.max(0, offset - size)));
        }
        return document;
    }
}
