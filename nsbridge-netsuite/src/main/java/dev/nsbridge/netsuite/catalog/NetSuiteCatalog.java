package dev.nsbridge.netsuite.catalog;

import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The streams an account offers: the standard tables with the account's own custom fields added. */
public final class NetSuiteCatalog {
    private final CustomFieldCatalog customFields;

    public NetSuiteCatalog(CustomFieldCatalog customFields) {
        this.customFields = customFields;
    }

    /** @param refresh read custom fields from NetSuite even when the cache is fresh */
    public List<StreamDescriptor> streams(boolean refresh) {
        List<StreamDescriptor> streams = new ArrayList<>();
        for (StreamDescriptor table : NetSuiteTables.all()) {
            streams.add(withCustomFields(table, refresh));
        }
        return streams;
    }

    public Optional<StreamDescriptor> stream(String name, boolean refresh) {
        return NetSuiteTables.named(name).map(table -> withCustomFields(table, refresh));
    }

    private StreamDescriptor withCustomFields(StreamDescriptor table, boolean refresh) {
        NetSuiteTables.CustomFieldSource source = NetSuiteTables.CUSTOM_FIELDS.get(table.name());
        if (source == null) {
            return table;
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        table.columns().forEach(c -> columns.put(c.name().toLowerCase(Locale.ROOT), c));
        for (String recordType : source.recordTypes()) {
            for (Column field : customFields.fields(recordType, source.prefix(), refresh)) {
                columns.putIfAbsent(field.name().toLowerCase(Locale.ROOT), field);
            }
        }
        return new StreamDescriptor(table.name(), List.copyOf(columns.values()), table.primaryKey(), table.cursor());
    }
}
