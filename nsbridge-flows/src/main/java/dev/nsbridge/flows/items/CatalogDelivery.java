package dev.nsbridge.flows.items;

import dev.nsbridge.flows.delivery.Delivery;
import dev.nsbridge.flows.delivery.DryRunPayload;
import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.flows.delivery.Json;
import dev.nsbridge.flows.delivery.Refusals;
import dev.nsbridge.flows.delivery.WriteOptions;
import dev.nsbridge.klaviyo.KlaviyoClient;
import dev.nsbridge.klaviyo.catalog.CatalogItem;
import dev.nsbridge.klaviyo.jobs.Job;
import dev.nsbridge.klaviyo.jobs.JobError;
import dev.nsbridge.spi.data.RecordError;
import dev.nsbridge.spi.destination.WriteResult;
import dev.nsbridge.spi.errors.RecordException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Items into Klaviyo's catalog as bulk create jobs of up to 100, each awaited. A job names a failed item by its
 * position in the job; jobs are cut in input order, so the position leads back to the record.
 */
public final class CatalogDelivery implements Delivery {
    static final String PATH = "/api/catalog-item-bulk-create-jobs";
    private static final Pattern POSITION = Pattern.compile("/data/(?:attributes/items/data/)?(\\d+)");

    private final KlaviyoClient klaviyo;
    private final ItemFlowSettings settings;
    private final DryRunRecorder recorder;

    public CatalogDelivery(KlaviyoClient klaviyo, ItemFlowSettings settings, DryRunRecorder recorder) {
        this.klaviyo = klaviyo;
        this.settings = settings;
        this.recorder = recorder;
    }

    public CatalogItem item(Map<String, Object> row) {
        String id = String.valueOf(row.get("id"));
        String sku = text(row, "itemid", id);
        String title = text(row, "displayname", sku);
        Map<String, Object> metadata = new LinkedHashMap<>();
        settings.customMetadata().forEach((column, key) -> {
            Object value = row.get(column.toLowerCase(Locale.ROOT));
            if (value != null) {
                metadata.put(key, value.toString());
            }
        });
        return new CatalogItem(id, title, text(row, "description", title),
                settings.urlTemplate().replace("{id}", id).replace("{sku}", sku),
                row.get("baseprice") instanceof BigDecimal price ? price : null, null, metadata,
                !"T".equals(row.get("isinactive")));
    }

    @Override
    public WriteResult deliver(List<Map<String, Object>> rows, WriteOptions options) {
        List<CatalogItem> items = rows.stream().map(this::item).toList();
        if (options.dryRun()) {
            items.forEach(item -> recorder.record(new DryRunPayload(options.pipeline(), item.externalId(), "POST",
                    PATH, Json.text(payload(item)))));
            return WriteResult.of(items.size());
        }
        List<RecordError> errors = new ArrayList<>();
        send(items, errors);
        return new WriteResult(items.size() - errors.size(), 0, errors);
    }

    private void send(List<CatalogItem> items, List<RecordError> errors) {
        if (items.isEmpty()) {
            return;
        }
        List<Job> jobs;
        try {
            jobs = klaviyo.catalog().submit(items);
        } catch (RecordException refused) {
            if (items.size() == 1) {
                errors.add(Refusals.of(items.get(0).externalId(), refused, payload(items.get(0))));
                return;
            }
            send(items.subList(0, items.size() / 2), errors);
            send(items.subList(items.size() / 2, items.size()), errors);
            return;
        }
        int offset = 0;
        for (Job job : jobs) {
            Job done = klaviyo.catalog().await(job.id());
            for (JobError error : done.errors()) {
                Matcher position = POSITION.matcher(error.pointer() == null ? "" : error.pointer());
                int index = position.find() ? offset + Integer.parseInt(position.group(1)) : -1;
                if (index >= offset && index < items.size()) {
                    CatalogItem item = items.get(index);
                    errors.add(Refusals.of(item.externalId(), "KLAVIYO_CATALOG_" + (error.code() == null ? "FAILED"
                            : error.code().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_")),
                            "Klaviyo's catalog job refused the item: " + (error.detail() == null ? error.title()
                                    : error.detail()) + " (fix: correct the item in NetSuite, then retry)",
                            payload(item)));
                }
            }
            offset += done.totalCount();
        }
    }

    /** The item as the job's body carries it. */
    static Map<String, Object> payload(CatalogItem item) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("external_id", item.externalId());
        attributes.put("integration_type", "$custom");
        attributes.put("catalog_type", "$default");
        attributes.put("title", item.title());
        attributes.put("description", item.description());
        attributes.put("url", item.url());
        if (item.price() != null) {
            attributes.put("price", item.price());
        }
        if (!item.customMetadata().isEmpty()) {
            attributes.put("custom_metadata", item.customMetadata());
        }
        if (item.published() != null) {
            attributes.put("published", item.published());
        }
        return Map.of("type", "catalog-item", "attributes", attributes);
    }

    private static String text(Map<String, Object> row, String column, String fallback) {
        Object value = row.get(column);
        return value == null || value.toString().isBlank() ? fallback : value.toString().strip();
    }
}
