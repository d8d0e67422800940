package dev.nsbridge.flows.orders;

import dev.nsbridge.flows.delivery.Delivery;
import dev.nsbridge.flows.delivery.DryRunPayload;
import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.flows.delivery.Json;
import dev.nsbridge.flows.delivery.Refusals;
import dev.nsbridge.flows.delivery.WriteOptions;
import dev.nsbridge.klaviyo.KlaviyoClient;
import dev.nsbridge.klaviyo.events.Event;
import dev.nsbridge.klaviyo.events.KlaviyoEvents;
import dev.nsbridge.spi.data.RecordError;
import dev.nsbridge.spi.destination.WriteResult;
import dev.nsbridge.spi.errors.NsbridgeException;
import dev.nsbridge.spi.errors.RecordException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Order documents into Klaviyo events. A batch goes as bulk create requests; Klaviyo refuses a bulk request as a
 * whole (a repeated unique id is one cause, e.g. when a crashed batch is sent again), so a refused batch is sent
 * again one event at a time, where a repeated unique id is simply recorded once and a bad event is pinned to its
 * record.
 */
public final class EventDelivery implements Delivery {
    static final String BULK_PATH = "/api/event-bulk-create-jobs";

    private final KlaviyoClient klaviyo;
    private final EventKind kind;
    private final OrderEvents events;
    private final OrderDocuments documents;
    private final DryRunRecorder recorder;

    public EventDelivery(KlaviyoClient klaviyo, EventKind kind, OrderFlowSettings settings, DryRunRecorder recorder) {
        this.klaviyo = klaviyo;
        this.kind = kind;
        this.events = new OrderEvents(settings.events());
        this.documents = new OrderDocuments(settings.urlTemplate());
        this.recorder = recorder;
    }

    /** The events one row becomes. */
    public List<Event> events(Map<String, Object> row) {
        Order order = documents.order(row);
        Instant at = row.get("event_at") instanceof Instant instant ? instant : order.placedAt();
        String reason = OrderDocuments.text(row, "reason").orElse("");
        return switch (kind) {
            case PLACED -> events.placed(order);
            case FULFILLED -> List.of(events.fulfilled(order, documents.shipment(row, at)));
            case CANCELLED -> List.of(events.cancelled(order, at, reason));
            case REFUNDED -> List.of(events.refunded(order, at, row.get("amount") == null ? order.total()
                    : OrderDocuments.decimal(row.get("amount")), reason));
        };
    }

    @Override
    public WriteResult deliver(List<Map<String, Object>> rows, WriteOptions options) {
        Map<String, List<Event>> byRecord = new LinkedHashMap<>();
        List<RecordError> errors = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            String key = String.valueOf(row.get("id"));
            try {
                byRecord.put(key, events(row));
            } catch (RuntimeException unusable) {
                errors.add(Refusals.of(key, "ORDER_UNREADABLE", "the order could not be read as events: "
                        + unusable.getMessage() + " (fix: correct the order in NetSuite, then retry)", Json.plain(row)));
            }
        }
        if (options.dryRun()) {
            byRecord.forEach((key, list) -> list.forEach(event -> recorder.record(new DryRunPayload(options.pipeline(),
                    key, "POST", BULK_PATH, Json.text(KlaviyoEvents.bulkEntry(event))))));
            return new WriteResult(byRecord.size(), 0, errors);
        }
        List<Event> all = byRecord.values().stream().flatMap(List::stream).toList();
        if (!all.isEmpty()) {
            try {
                klaviyo.events().createAll(all);
            } catch (RecordException refused) {
                byRecord.forEach((key, list) -> sendOneByOne(key, list, errors));
            }
        }
        return new WriteResult(byRecord.size() - errors.stream().filter(e -> byRecord.containsKey(e.recordKey()))
                .count(), 0, errors);
    }

    private void sendOneByOne(String key, List<Event> list, List<RecordError> errors) {
        for (Event event : list) {
            try {
                klaviyo.events().create(event);
            } catch (NsbridgeException refusal) {
                if (refusal.category() != NsbridgeException.Category.RECORD) {
                    throw refusal;
                }
                errors.add(Refusals.of(key, refusal, Json.text(KlaviyoEvents.bulkEntry(event))));
                return;
            }
        }
    }
}
