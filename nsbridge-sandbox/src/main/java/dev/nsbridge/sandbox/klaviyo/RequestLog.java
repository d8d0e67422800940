package dev.nsbridge.sandbox.klaviyo;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the sandbox received, with the API key taken out before anything is stored. Keeps the latest 100,000
 * requests so a benchmark's long run cannot fill the heap.
 */
final class RequestLog {
    private static final int CAPACITY = 100_000;
    private static final String HIDDEN = "[hidden]";
    private final ArrayDeque<ReceivedRequest> requests = new ArrayDeque<>();

    synchronized void add(ReceivedRequest request) {
        if (requests.size() == CAPACITY) {
            requests.removeFirst();
        }
        requests.addLast(request);
    }

    synchronized List<ReceivedRequest> all() {
        return List.copyOf(requests);
    }

    static ReceivedRequest redacted(Instant at, RequestValidation.Incoming incoming, boolean valid, int status) {
        Map<String, String> headers = new LinkedHashMap<>();
        incoming.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("authorization")) {
                headers.put(name, value);
            }
        });
        Map<String, List<String>> query = new LinkedHashMap<>();
        incoming.query().forEach((name, values) ->
                query.put(name, name.equalsIgnoreCase("api_key") ? List.of(HIDDEN) : List.copyOf(values)));
        return new ReceivedRequest(at, incoming.method(), incoming.path(), Map.copyOf(query), Map.copyOf(headers),
                incoming.body(), valid, status);
    }
}
