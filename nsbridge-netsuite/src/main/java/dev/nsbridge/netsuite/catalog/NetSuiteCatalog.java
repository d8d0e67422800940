package dev.nsbridge.netsuite.catalog;

import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The streams an account offers: the standard tables with the account's own custom fields added, and the account's
 * custom record types (customrecord_*), as NetSuite's metadata catalog lists them, each with its custrecord fields.
 */
public final class NetSuiteCatalog {
    private final CustomFieldCatalog customFields;

    public NetSuiteCatalog(CustomFieldCatalog customFields) {
        this.customFields = customFields;
    }

    /** @param refresh read custom fields from NetSuite even when the cache is fresh */
    public List<StreamDescriptor> streams(boolean refresh) {
        List<StreamDescriptor> streams = new ArrayList<>();
        // Several tables share a record type (entity and customer, transaction and transactionline): a refresh
        // reads each record type's schema once, which can take minutes on a large account.
        Set<String> refreshed = new HashSet<>();
        for (StreamDescriptor table : NetSuiteTables.all()) {
            streams.add(withCustomFields(table, refresh, refreshed));
        }
        for (String type : customRecordTypes(refresh)) {
            streams.add(customRecord(type, refresh));
        }
        return streams;
    }

    public Optional<StreamDescriptor> stream(String name, boolean refresh) {
        Optional<StreamDescriptor> standard = NetSuiteTables.named(name)
                .map(table -> withCustomFields(table, refresh, new HashSet<>()));
        if (standard.isPresent() || !NetSuiteTables.isCustomRecord(name)) {
            return standard;
        }
        return customRecordTypes(refresh).stream().filter(type -> type.equalsIgnoreCase(name)).findFirst()
                .map(type -> customRecord(type, refresh));
    }

    /** The script ids of the account's custom record types, e.g. {@code customrecord_loyalty_tier}. */
    public List<String> customRecordTypes(boolean refresh) {
        return customFields.recordTypes(refresh).stream().filter(NetSuiteTables::isCustomRecord).sorted().toList();
    }

    private StreamDescriptor customRecord(String type, boolean refresh) {
        return NetSuiteTables.customRecord(type, customFields.fields(type, "custrecord", refresh));
    }

    private StreamDescriptor withCustomFields(StreamDescriptor table, boolean refresh, Set<String> refreshed) {
        NetSuiteTables.CustomFieldSource source = NetSuiteTables.CUSTOM_FIELDS.get(table.name());
        if (source == null) {
            return table;
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        table.columns().forEach(c -> columns.put(c.name().toLowerCase(Locale.ROOT), c));
        for (String recordType : source.recordTypes()) {
            boolean read = refresh && refreshed.add(recordType);
            for (Column field : customFields.fields(recordType, source.prefix(), read)) {
                columns.putIfAbsent(field.name().toLowerCase(Locale.ROOT), field);
            }
        }
        return new StreamDescriptor(table.name(), List.copyOf(columns.values()), table.primaryKey(), table.cursor());
    }
}
