package dev.nsbridge.flows.items;

import dev.nsbridge.flows.read.FlowSelect;
import dev.nsbridge.flows.read.FlowSelect.Projection;
import dev.nsbridge.spi.stream.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The items flow's read: the item's catalog fields, its place in a matrix and its stock, and the columns
 * {@code custom_metadata} names. Inactive items are read too, so one made inactive since the last run can be
 * unpublished or removed.
 *
 * <p>In SuiteQL's {@code item} table a matrix item is a parent row ({@code matrixtype = 'PARENT'}) and child rows
 * ({@code matrixtype = 'CHILD'}) whose {@code parent} column holds the parent's internal id; other items have
 * neither. {@code totalquantityonhand} is the quantity on hand summed over locations, empty for items without stock.
 */
public final class ItemQuery {
    private ItemQuery() {
    }

    public static FlowSelect of(Set<String> metadataColumns) {
        List<Projection> columns = new ArrayList<>(List.of(text("id", "i.id"), text("itemid", "i.itemid"),
                text("displayname", "i.displayname"), text("description", "i.description"),
                new Projection("baseprice", "i.baseprice", ColumnType.DECIMAL), text("isinactive", "i.isinactive"),
                text("parent", "i.parent"), text("matrixtype", "i.matrixtype"),
                new Projection("totalquantityonhand", "i.totalquantityonhand", ColumnType.DECIMAL),
                new Projection("lastmodifieddate", "i.lastmodifieddate", ColumnType.TIMESTAMP)));
        for (String column : metadataColumns) {
            String alias = column.toLowerCase(Locale.ROOT);
            if (columns.stream().noneMatch(p -> p.alias().equals(alias))) {
                columns.add(text(alias, FlowSelect.field("i", alias)));
            }
        }
        return new FlowSelect("items", "item i", columns, "lastmodifieddate", "id", List.of());
    }

    private static Projection text(String alias, String expression) {
        return new Projection(alias, expression, ColumnType.STRING);
    }
}
