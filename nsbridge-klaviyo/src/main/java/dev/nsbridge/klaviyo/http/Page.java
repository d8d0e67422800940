package dev.nsbridge.klaviyo.http;

import java.util.List;
import java.util.Optional;

/**
 * One page of a collection.
 *
 * @param items        what the page holds, in Klaviyo's order
 * @param nextLink     {@code links.next} as Klaviyo sent it, absent on the last page
 */
public record Page<T>(List<T> items, Optional<String> nextLink) {
    public Page {
        items = List.copyOf(items);
    }
}
