package dev.nsbridge.netsuite.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.netsuite.testing.FakeNetSuite.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A transactionline-shaped table behind a scripted server: it understands just the conditions nsbridge's keyset
 * reader writes (a range on transaction, then "after (transaction, id)"), so unit tests can check the reader's
 * loop without the sandbox. Line ids repeat across transactions, as NetSuite's do.
 */
public final class FakeLineTable {
    private static final Pattern LIMIT = Pattern.compile("limit=(\\d+)&offset=(\\d+)");
    private final ObjectMapper json = new ObjectMapper();
    private final int transactions;
    private final int linesPerTransaction;

    public FakeLineTable(int transactions, int linesPerTransaction) {
        this.transactions = transactions;
        this.linesPerTransaction = linesPerTransaction;
    }

    public long size() {
        return (long) transactions * linesPerTransaction;
    }

    /** One page of the rows after the keyset the query names, within its transaction range. */
    public record Page(List<Map<String, String>> items, boolean hasMore) {
    }

    public Page page(String q, List<String> params, int limit) {
        int next = 0;
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        if (q.contains("transaction >= ? AND transaction < ?")) {
            from = Long.parseLong(params.get(next++));
            to = Long.parseLong(params.get(next++));
        }
        long afterTransaction = 0;
        long afterId = 0;
        if (q.contains("transaction > ? OR (transaction = ? AND id > ?)")) {
            afterTransaction = Long.parseLong(params.get(next));
            afterId = Long.parseLong(params.get(next + 2));
        }
        List<Map<String, String>> items = new ArrayList<>();
        for (long t = Math.max(Math.max(1, afterTransaction), from); t <= transactions && t < to; t++) {
            for (long id = t == afterTransaction ? afterId + 1 : 1; id <= linesPerTransaction; id++) {
                if (items.size() == limit) {
                    return new Page(items, true);
                }
                items.add(Map.of("transaction", Long.toString(t), "id", Long.toString(id),
                        "memo", "line " + id + " of " + t));
            }
        }
        return new Page(items, false);
    }

    public Answer answer(FakeNetSuite.Seen request) {
        try {
            JsonNode body = json.readTree(request.body());
            List<String> params = new ArrayList<>();
            body.path("params").forEach(p -> params.add(p.asText()));
            Matcher limit = LIMIT.matcher(request.query());
            if (!limit.find()) {
                return Answer.error(400, "INVALID_PARAMETER", "no limit");
            }
            Page page = page(body.path("q").asText(), params, Integer.parseInt(limit.group(1)));
            ObjectNode root = json.createObjectNode();
            root.putArray("links");
            ArrayNode items = root.put("count", page.items().size()).put("hasMore", page.hasMore()).putArray("items");
            page.items().forEach(item -> {
                ObjectNode node = items.addObject();
                item.forEach(node::put);
            });
            root.put("offset", 0).put("totalResults", size());
            return Answer.json(200, root.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
