package dev.nsbridge.flows.items;

import dev.nsbridge.flows.delivery.Delivery;
import dev.nsbridge.flows.delivery.DryRunPayload;
import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.flows.delivery.Json;
import dev.nsbridge.flows.delivery.Refusals;
import dev.nsbridge.flows.delivery.WriteOptions;
import dev.nsbridge.klaviyo.KlaviyoClient;
import dev.nsbridge.klaviyo.catalog.CatalogItem;
import dev.nsbridge.klaviyo.catalog.CatalogResources;
import dev.nsbridge.klaviyo.catalog.CatalogVariant;
import dev.nsbridge.klaviyo.catalog.KlaviyoCatalog;
import dev.nsbridge.spi.data.RecordError;
import dev.nsbridge.spi.destination.WriteResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Items into Klaviyo's catalog, kept true as they change. Which items and variants Klaviyo holds is read from
 * Klaviyo for each batch, so a rerun or a crash never turns an update into a second create. Then, in bulk jobs
 * (each awaited): new items are created and known ones updated, inactive ones unpublished or deleted as
 * {@code inactive_items} says; then variants the same way, after the items, so a new item's variants find it.
 */
public final class CatalogDelivery implements Delivery {
    static final String CREATE_ITEMS = "/api/catalog-item-bulk-create-jobs";

    private final KlaviyoCatalog catalog;
    private final ItemFlowSettings settings;
    private final CatalogMapping mapping;
    private final DryRunRecorder recorder;
    private final CatalogJobSender<CatalogItem> createItems;
    private final CatalogJobSender<CatalogItem> updateItems;
    private final CatalogJobSender<CatalogItem> deleteItems;
    private final CatalogJobSender<CatalogVariant> createVariants;
    private final CatalogJobSender<CatalogVariant> updateVariants;
    private final CatalogJobSender<CatalogVariant> deleteVariants;

    public CatalogDelivery(KlaviyoClient klaviyo, ItemFlowSettings settings, DryRunRecorder recorder) {
        this.catalog = klaviyo.catalog();
        this.settings = settings;
        this.mapping = new CatalogMapping(settings);
        this.recorder = recorder;
        this.createItems = new CatalogJobSender<>(catalog, catalog::submit, CatalogItem::externalId,
                CatalogResources::itemToCreate);
        this.updateItems = new CatalogJobSender<>(catalog, catalog::update, CatalogItem::externalId,
                CatalogResources::itemToUpdate);
        this.deleteItems = new CatalogJobSender<>(catalog, items -> catalog.delete(items.stream()
                .map(CatalogItem::klaviyoId).toList()), CatalogItem::externalId, CatalogItem::klaviyoId);
        this.createVariants = new CatalogJobSender<>(catalog, catalog::submitVariants, CatalogVariant::externalId,
                CatalogResources::variantToCreate);
        this.updateVariants = new CatalogJobSender<>(catalog, catalog::updateVariants, CatalogVariant::externalId,
                CatalogResources::variantToUpdate);
        this.deleteVariants = new CatalogJobSender<>(catalog, variants -> catalog.deleteVariants(variants.stream()
                .map(CatalogVariant::klaviyoId).toList()), CatalogVariant::externalId, CatalogVariant::klaviyoId);
    }

    @Override
    public WriteResult deliver(List<Map<String, Object>> rows, WriteOptions options) {
        List<CatalogEntry> entries = rows.stream().map(mapping::entry).toList();
        List<RecordError> errors = new ArrayList<>();
        List<CatalogEntry> sendable = new ArrayList<>();
        for (CatalogEntry entry : entries) {
            entry.refusal().ifPresentOrElse(reason -> errors.add(Refusals.of(entry.key(), "ITEM_NOT_SENDABLE",
                    "The item cannot go to Klaviyo's catalog: " + reason + " (fix: correct the item in NetSuite,"
                            + " then retry)", Map.of("id", entry.key()))), () -> sendable.add(entry));
        }
        if (options.dryRun()) {
            sendable.forEach(entry -> recordDryRun(entry, options));
            return WriteResult.of(sendable.size());
        }
        Set<String> items = catalog.existingItems(sendable.stream().flatMap(e -> e.item().stream())
                .map(CatalogItem::klaviyoId).toList());
        Set<String> variants = catalog.existingVariants(sendable.stream().flatMap(e -> e.variant().stream())
                .map(CatalogVariant::klaviyoId).toList());
        sendItems(sendable, items, errors);
        Set<String> failed = keys(errors);
        sendVariants(sendable.stream().filter(e -> !failed.contains(e.key())).toList(), variants, errors);
        return new WriteResult(rows.size() - keys(errors).size(), 0, errors);
    }

    private void sendItems(List<CatalogEntry> entries, Set<String> existing, List<RecordError> errors) {
        List<CatalogItem> create = new ArrayList<>();
        List<CatalogItem> update = new ArrayList<>();
        List<CatalogItem> delete = new ArrayList<>();
        for (CatalogEntry entry : entries) {
            entry.item().ifPresent(item -> {
                boolean known = existing.contains(item.klaviyoId());
                if (!entry.inactive()) {
                    (known ? update : create).add(item);
                } else if (known) {
                    // An inactive item Klaviyo never had is left out: there is nothing to take back.
                    (settings.inactiveItems() == InactiveItems.DELETE ? delete : update).add(item);
                }
            });
        }
        createItems.send(create, errors);
        updateItems.send(update, errors);
        deleteItems.send(delete, errors);
    }

    private void sendVariants(List<CatalogEntry> entries, Set<String> existing, List<RecordError> errors) {
        List<CatalogVariant> create = new ArrayList<>();
        List<CatalogVariant> update = new ArrayList<>();
        List<CatalogVariant> delete = new ArrayList<>();
        for (CatalogEntry entry : entries) {
            entry.variant().ifPresent(variant -> {
                boolean known = existing.contains(variant.klaviyoId());
                boolean deletes = settings.inactiveItems() == InactiveItems.DELETE;
                if (!entry.inactive()) {
                    (known ? update : create).add(variant);
                } else if (known && !(deletes && !entry.variantOnly())) {
                    // A plain item's own variant went with the item when it was deleted.
                    (deletes ? delete : update).add(variant);
                }
            });
        }
        createVariants.send(create, errors);
        updateVariants.send(update, errors);
        deleteVariants.send(delete, errors);
    }

    /** Without asking Klaviyo what it holds, a dry run shows each item and variant as it would be written. */
    private void recordDryRun(CatalogEntry entry, WriteOptions options) {
        entry.item().ifPresent(item -> recorder.record(new DryRunPayload(options.pipeline(), entry.key(), "POST",
                CREATE_ITEMS, Json.text(CatalogResources.itemToCreate(item)))));
        entry.variant().ifPresent(variant -> recorder.record(new DryRunPayload(options.pipeline(), entry.key(),
                "POST", "/api/catalog-variant-bulk-create-jobs", Json.text(CatalogResources.variantToCreate(variant)))));
    }

    private static Set<String> keys(List<RecordError> errors) {
        Set<String> keys = new HashSet<>();
        errors.forEach(error -> keys.add(error.recordKey()));
        return keys;
    }
}
