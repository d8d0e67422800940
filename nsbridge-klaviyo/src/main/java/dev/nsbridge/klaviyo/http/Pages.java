package dev.nsbridge.klaviyo.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nsbridge.klaviyo.limits.Operation;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A collection read lazily by following {@code links.next}: one page in memory at a time, however many there are.
 *
 * <p>Only the query of {@code links.next} is used, against our own base URL and the operation's path: the cursor is
 * all we need, and the API key then never goes to a host the configuration did not name.
 */
public final class Pages {
    private Pages() {
    }

    public static <T> Stream<Page<T>> pages(KlaviyoHttp http, Operation operation, String path, QueryString first,
                                            Function<JsonNode, T> item) {
        Iterator<Page<T>> iterator = new Iterator<>() {
            private boolean started;
            private Optional<String> next = Optional.empty();

            @Override
            public boolean hasNext() {
                return !started || next.isPresent();
            }

            @Override
            public Page<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                KlaviyoResponse response = started
                        ? http.getRawQuery(operation, path, URI.create(next.get()).getRawQuery())
                        : http.get(operation, path, first);
                started = true;
                List<T> items = new ArrayList<>();
                for (JsonNode node : response.data()) {
                    items.add(item.apply(node));
                }
                next = Optional.ofNullable(JsonApi.textOrNull(response.body().path("links").path("next")))
                        .filter(link -> !link.isBlank());
                return new Page<>(items, next);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    public static <T> Stream<T> items(KlaviyoHttp http, Operation operation, String path, QueryString first,
                                      Function<JsonNode, T> item) {
        return pages(http, operation, path, first, item).flatMap(page -> page.items().stream());
    }
}
