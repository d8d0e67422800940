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

    public Answer answer(FakeNetSuite.Seen request) {
        try {
            JsonNode body = json.readTree(request.body());
            String q = body.path("q").asText();
            List<Long> params = new ArrayList<>();
            body.path("params").forEach(p -> params.add(Long.parseLong(p.asText())));
            Matcher page = LIMIT.matcher(request.query());
            if (!page.find()) {
                return Answer.error(400, "INVALID_PARAMETER", "no limit");
            }
            int limit = Integer.parseInt(page.group(1));
            int next = 0;
            long from = Long.MIN_VALUE;
            long to = Long.MAX_VALUE;
            if (q.contains("transaction >= ? AND transaction < ?")) {
                from = params.get(next++);
                to = params.get(next++);
            }
            long afterTransaction = 0;
            long afterId = 0;
            if (q.contains("transaction > ? OR (transaction = ? AND id > ?)")) {
                afterTransaction = params.get(next);
                afterId = params.get(next + 2);
            }
            ObjectNode root = json.createObjectNode();
            ArrayNode items = json.createArrayNode();
            boolean hasMore = false;
            outer:
            for (long t = Math.max(1, afterTransaction); t <= transactions; t++) {
                if (t < from || t >= to) {
                    continue;
                }
                for (long id = t == afterTransaction ? afterId + 1 : 1; id <= linesPerTransaction; id++) {
                    if (items.size() == limit) {
                        hasMore = true;
                        break outer;
                    }
                    items.addObject().put("transaction", Long.toString(t)).put("id", Long.toString(id))
                            .put("memo", "line " + id + " of " + t);
                }
            }
            root.putArray("links");
            root.put("count", items.size()).put("hasMore", hasMore).set("items", items);
            root.put("offset", 0).put("totalResults", size());
            return Answer.json(200, root.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
