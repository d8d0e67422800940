package dev.nsbridge.flows.items;

import dev.nsbridge.flows.read.FlowQuery;
import dev.nsbridge.flows.read.FlowQuery.Projection;
import dev.nsbridge.netsuite.suiteql.Identifiers;
import dev.nsbridge.spi.stream.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The items flow's read: the item's catalog fields and the columns {@code custom_metadata} names. */
public final class ItemQuery {
    private ItemQuery() {
    }

    public static FlowQuery of(Set<String> metadataColumns, boolean includeInactive) {
        List<Projection> columns = new ArrayList<>(List.of(text("id", "i.id"), text("itemid", "i.itemid"),
                text("displayname", "i.displayname"), text("description", "i.description"),
                new Projection("baseprice", "i.baseprice", ColumnType.DECIMAL), text("isinactive", "i.isinactive"),
                new Projection("lastmodifieddate", "i.lastmodifieddate", ColumnType.TIMESTAMP)));
        for (String column : metadataColumns) {
            String alias = Identifiers.require(column, "column").toLowerCase(Locale.ROOT);
            if (columns.stream().noneMatch(p -> p.alias().equals(alias))) {
                columns.add(text(alias, "i." + alias));
            }
        }
        List<FlowQuery.Condition> conditions = includeInactive ? List.of()
                : List.of(FlowQuery.Condition.of("i.isinactive = 'F'"));
        return new FlowQuery("items", "item i", columns, "lastmodifieddate", "id", conditions);
    }

    private static Projection text(String alias, String expression) {
        return new Projection(alias, expression, ColumnType.STRING);
    }
}
