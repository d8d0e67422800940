package dev.nsbridge.flows.orders;

import dev.nsbridge.flows.read.PageDetails;
import dev.nsbridge.netsuite.suiteql.Identifiers;
import dev.nsbridge.netsuite.suiteql.SuiteQl;
import dev.nsbridge.netsuite.suiteql.SuiteQlQuery;
import dev.nsbridge.netsuite.suiteql.SuiteQlRow;
import dev.nsbridge.netsuite.suiteql.SuiteQlRows;
import dev.nsbridge.spi.data.NestedRecords;
import dev.nsbridge.spi.data.RecordSchema;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The item lines of a page of orders, read with one query per page and put into each row's {@code lines} column as
 * JSON. Sales lines are stored negative (the credit side), so quantities and amounts are read as absolute values;
 * the mainline and tax lines are not items.
 */
public final class OrderLines implements PageDetails {
    public static final String COLUMN = OrderQueries.LINES;

    private final Optional<String> brandField;
    private final Optional<String> categoryField;

    public OrderLines(Optional<String> brandField, Optional<String> categoryField) {
        this.brandField = brandField.map(field -> Identifiers.require(field, "column"));
        this.categoryField = categoryField.map(field -> Identifiers.require(field, "column"));
    }

    @Override
    public List<Column> columns() {
        return List.of(new Column(COLUMN, ColumnType.RECORDS));
    }

    @Override
    public void add(SuiteQl suiteQl, List<Map<String, Object>> rows) {
        LinkedHashSet<String> orders = new LinkedHashSet<>();
        rows.forEach(row -> orders.add(String.valueOf(row.get("order_id"))));
        Map<String, List<Object[]>> byOrder = new LinkedHashMap<>();
        List<String> ids = List.copyOf(orders);
        for (int from = 0; from < ids.size(); from += 1000) {
            read(suiteQl, ids.subList(from, Math.min(ids.size(), from + 1000)), byOrder);
        }
        for (Map<String, Object> row : rows) {
            row.put(COLUMN, new NestedRecords(LINE, byOrder.getOrDefault(String.valueOf(row.get("order_id")),
                    List.of())));
        }
    }

    private void read(SuiteQl suiteQl, List<String> ids, Map<String, List<Object[]>> byOrder) {
        String text = "SELECT tl.transaction AS order_id, tl.id AS line_id, tl.item AS item_id, i.itemid AS sku,"
                + " NVL(i.displayname, i.itemid) AS name, ABS(tl.quantity) AS quantity, tl.rate AS rate,"
                + " ABS(tl.foreignamount) AS amount" + itemColumns()
                + " FROM transactionline tl JOIN item i ON i.id = tl.item"
                + " WHERE tl.mainline = 'F' AND tl.taxline = 'F' AND tl.transaction IN ("
                + String.join(", ", ids.stream().map(id -> "?").toList()) + ") ORDER BY tl.transaction, tl.id";
        try (SuiteQlRows lines = suiteQl.readByOffset(new SuiteQlQuery(text, ids), SuiteQl.MAX_LIMIT)) {
            while (lines.hasNext()) {
                SuiteQlRow line = lines.next();
                byOrder.computeIfAbsent(line.string("order_id"), id -> new ArrayList<>()).add(line.toArray(LINE));
            }
        }
    }

    /** The item's brand and category columns, as the projection's tail (empty when neither is set). */
    String itemColumns() {
        return brandField.map(f -> ", i." + f + " AS brand").orElse("")
                + categoryField.map(f -> ", i." + f + " AS category").orElse("");
    }

    /** The columns of a line as {@link OrderDocuments} reads them. */
    static final RecordSchema LINE = new RecordSchema(List.of(new Column("line_id", ColumnType.STRING),
            new Column("item_id", ColumnType.STRING), new Column("sku", ColumnType.STRING),
            new Column("name", ColumnType.STRING), new Column("brand", ColumnType.STRING),
            new Column("category", ColumnType.STRING), new Column("quantity", ColumnType.DECIMAL),
            new Column("rate", ColumnType.DECIMAL), new Column("amount", ColumnType.DECIMAL),
            new Column("ordered", ColumnType.DECIMAL), new Column("ordered_amount", ColumnType.DECIMAL)));
}
