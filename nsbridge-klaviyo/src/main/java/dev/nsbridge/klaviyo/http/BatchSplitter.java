package dev.nsbridge.klaviyo.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nsbridge.spi.errors.RecordException;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a bulk request's items into requests Klaviyo accepts: at most {@code maxCount} items and {@code maxBytes}
 * bytes of body each. Sizes are measured on the JSON actually sent, envelope included, so no estimate can let a
 * request through that Klaviyo would refuse as too large: each item is written once, and the chunks hold that
 * written JSON, which the request body then carries as it is (a 2 MB body is not serialised twice).
 *
 * @param maxCount     items per request (10,000 profiles, 1,000 events, 100 catalog items…)
 * @param maxBytes     bytes per request body (5 MB)
 * @param maxItemBytes bytes per item (100 KB for a bulk profile), or {@code maxBytes} when Klaviyo names none
 */
public record BatchSplitter(int maxCount, int maxBytes, int maxItemBytes) {
    /** Klaviyo's 5 MB, read as 5 × 1,000,000 bytes: the stricter reading of "5MB". */
    public static final int FIVE_MB = 5_000_000;

    public BatchSplitter {
        if (maxCount < 1 || maxBytes < 1 || maxItemBytes < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /**
     * @param envelopeBytes the size of the request body with an empty item array
     * @throws RecordException naming the item (by position) that alone is over a limit; nothing is sent then
     */
    public List<List<JsonNode>> split(List<? extends JsonNode> items, int envelopeBytes) {
        List<List<JsonNode>> chunks = new ArrayList<>();
        List<JsonNode> current = new ArrayList<>();
        long currentBytes = envelopeBytes;
        for (int index = 0; index < items.size(); index++) {
            String json = JsonApi.text(items.get(index));
            int size = JsonApi.utf8Length(json);
            if (size > maxItemBytes || envelopeBytes + size > maxBytes) {
                throw new RecordException("KLAVIYO_ITEM_TOO_LARGE", "Item " + index + " is " + size
                        + " bytes of JSON, over Klaviyo's limit of " + Math.min(maxItemBytes, maxBytes - envelopeBytes)
                        + " bytes for one item", "Shorten its properties or leave large values out.");
            }
            long separator = current.isEmpty() ? 0 : 1;
            if (current.size() == maxCount || currentBytes + separator + size > maxBytes) {
                chunks.add(current);
                current = new ArrayList<>();
                currentBytes = envelopeBytes;
                separator = 0;
            }
            current.add(JsonApi.written(json));
            currentBytes += separator + size;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }
}
