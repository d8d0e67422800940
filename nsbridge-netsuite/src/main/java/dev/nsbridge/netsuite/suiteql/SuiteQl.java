package dev.nsbridge.netsuite.suiteql;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.netsuite.http.NetSuiteHttp;
import dev.nsbridge.netsuite.http.NetSuiteRequest;
import dev.nsbridge.spi.errors.InternalException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** SuiteQL over REST: single pages, and streamed reads by offset (up to the cap) or by key (past it). */
public final class SuiteQl {
    public static final String PATH = "/services/rest/query/v1/suiteql";
    public static final int MAX_LIMIT = 1000;
    public static final int OFFSET_CAP = 100_000;
    private static final Map<String, String> HEADERS = Map.of("Prefer", "transient",
            "Content-Type", "application/json", "Accept", "application/json");

    private final NetSuiteHttp http;
    private final DateConventions dates;
    private final int pagesAhead;
    private final ObjectMapper json = new ObjectMapper();

    /** @param pagesAhead how many pages a streamed read fetches before the consumer asks for them */
    public SuiteQl(NetSuiteHttp http, DateConventions dates, int pagesAhead) {
        this.http = Objects.requireNonNull(http, "http");
        this.dates = Objects.requireNonNull(dates, "dates");
        this.pagesAhead = pagesAhead;
    }

    public DateConventions dates() {
        return dates;
    }

    public SuiteQlPage page(SuiteQlQuery query, int offset, int limit) {
        return send(query, offset, limit, false);
    }

    /** One small page as {@code nsbridge check}'s login attempt, which the lockout guard may still allow. */
    public SuiteQlPage checkPage(SuiteQlQuery query) {
        return send(query, 0, 1, true);
    }

    /** Every row of a query by offset; a query that matches more than 100,000 rows fails at the cap. */
    public SuiteQlRows readByOffset(SuiteQlQuery query, int pageSize) {
        checkLimit(pageSize);
        return new SuiteQlRows(new OffsetPages(this, query, pageSize), pagesAhead);
    }

    /**
     * Every row of a select in key order, however many: {@code keys} is the table's primary key (one column, or two
     * like transactionline's transaction and id). Add {@link SuiteQlSelect#range} on the first key to read a
     * slice of the table, e.g. one of several id ranges read in parallel.
     */
    public SuiteQlRows readByKeyset(SuiteQlSelect select, List<String> keys, int pageSize) {
        checkLimit(pageSize);
        for (String key : keys) {
            if (select.columns().stream().noneMatch(c -> c.name().equalsIgnoreCase(key))) {
                throw new IllegalArgumentException("the select must project its key column " + key);
            }
        }
        return new SuiteQlRows(new KeysetPages(this, select, keys, pageSize), pagesAhead);
    }

    private SuiteQlPage send(SuiteQlQuery query, int offset, int limit, boolean loginCheck) {
        checkLimit(limit);
        if (offset < 0 || offset % limit != 0) {
            throw new IllegalArgumentException("NetSuite needs an offset divisible by the limit: " + offset);
        }
        ObjectNode body = json.createObjectNode().put("q", query.text());
        if (!query.params().isEmpty()) {
            ArrayNode params = body.putArray("params");
            query.params().forEach(params::add);
        }
        NetSuiteRequest request = NetSuiteRequest.withBody("POST", PATH + "?limit=" + limit + "&offset=" + offset,
                HEADERS, body.toString());
        String answer = http.send(loginCheck ? request.asLoginCheck() : request).body();
        return parse(answer, offset);
    }

    /**
     * Reads the answer as a stream of tokens straight into rows: no tree of the whole page is built, which would
     * hold the page twice over while it is turned into rows and cost the extractor CPU it shares with the writer.
     */
    private SuiteQlPage parse(String answer, int offset) {
        List<SuiteQlRow> rows = new ArrayList<>();
        boolean hasMore = false;
        long total = -1;
        try (JsonParser parser = json.getFactory().createParser(answer)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the answer is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "items" -> readItems(parser, value, rows);
                    case "hasMore" -> hasMore = value == JsonToken.VALUE_TRUE
                            || value == JsonToken.VALUE_STRING && "true".equalsIgnoreCase(parser.getText());
                    case "totalResults" -> total = parser.getValueAsLong(-1);
                    default -> parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new InternalException("SUITEQL_ANSWER_UNREADABLE", "NetSuite's SuiteQL answer is not JSON", null, e);
        }
        return new SuiteQlPage(rows, hasMore, total < 0 ? rows.size() : total, offset);
    }

    /**
     * Each item's scalar fields by lower-case name, as text; nulls and {@code links} are left out. The page's rows
     * share one set of names and hold an array of values each.
     */
    private void readItems(JsonParser parser, JsonToken start, List<SuiteQlRow> rows) throws IOException {
        if (start != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return;
        }
        PageColumns columns = new PageColumns();
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
            if (item != JsonToken.START_OBJECT) {
                throw new IOException("an item is not a JSON object");
            }
            String[] values = new String[columns.size()];
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                    int position = columns.positionOf(name.toLowerCase(Locale.ROOT));
                    if (position >= values.length) {
                        values = Arrays.copyOf(values, columns.size());
                    }
                    values[position] = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
            rows.add(new SuiteQlRow(columns, values, dates));
        }
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a SuiteQL page holds 1 to " + MAX_LIMIT + " rows, not " + limit);
        }
    }
}
