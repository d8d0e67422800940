package dev.nsbridge.flows.orders;

import dev.nsbridge.flows.read.PageDetails;
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
import java.util.function.Consumer;

/**
 * What a page of item fulfillments shipped: each fulfillment's own lines, its packages' tracking numbers, and which
 * fulfillment came first for each order, read with three queries per page.
 *
 * <p>An item fulfillment records the shipment of some or all items of an order (Oracle's help, section_N3195884),
 * so one order may have several, and one order line may ship in parts. A fulfillment line carries the item and the
 * quantity shipped but no price; it points to the order line it ships through {@code previoustransactionlinelink}
 * (link type {@code ShipRcpt}), whose amount, in proportion to the quantity shipped, is the shipped line's value.
 * Tracking numbers are reached only through {@code trackingnumbermap} and {@code trackingnumber}: public SuiteQL
 * clients report that the record's {@code trackingnumbers} text fails as an unknown identifier. The first
 * fulfillment is the one with the lowest internal id, since NetSuite gives ids in creation order.
 */
public final class ShipmentDetails implements PageDetails {
    private static final RecordSchema TRACKING = new RecordSchema(List.of(new Column("tracking_number",
            ColumnType.STRING)));
    private static final RecordSchema FIRST = new RecordSchema(List.of(new Column("first_id", ColumnType.STRING)));

    private final OrderLines items;

    public ShipmentDetails(OrderLines items) {
        this.items = items;
    }

    @Override
    public List<Column> columns() {
        return List.of(new Column(OrderQueries.SHIPPED_LINES, ColumnType.RECORDS),
                new Column(OrderQueries.TRACKING_NUMBERS, ColumnType.RECORDS),
                new Column(OrderQueries.FIRST_FULFILLMENT, ColumnType.RECORDS));
    }

    @Override
    public void add(SuiteQl suiteQl, List<Map<String, Object>> rows) {
        Map<String, List<Object[]>> lines = new LinkedHashMap<>();
        Map<String, List<Object[]>> trackingNumbers = new LinkedHashMap<>();
        Map<String, List<Object[]>> firstByOrder = new LinkedHashMap<>();
        List<String> fulfillments = distinct(rows, "id");
        for (List<String> ids : chunks(fulfillments)) {
            readLines(suiteQl, ids, lines);
            readTrackingNumbers(suiteQl, ids, trackingNumbers);
        }
        for (List<String> orders : chunks(distinct(rows, "order_id"))) {
            readFirstFulfillments(suiteQl, orders, firstByOrder);
        }
        for (Map<String, Object> row : rows) {
            String id = String.valueOf(row.get("id"));
            row.put(OrderQueries.SHIPPED_LINES, new NestedRecords(OrderLines.LINE, lines.getOrDefault(id, List.of())));
            row.put(OrderQueries.TRACKING_NUMBERS, new NestedRecords(TRACKING, trackingNumbers.getOrDefault(id,
                    List.of())));
            row.put(OrderQueries.FIRST_FULFILLMENT, new NestedRecords(FIRST, firstByOrder.getOrDefault(
                    String.valueOf(row.get("order_id")), List.of())));
        }
    }

    private void readLines(SuiteQl suiteQl, List<String> ids, Map<String, List<Object[]>> byFulfillment) {
        String text = "SELECT fl.transaction AS fulfillment_id, fl.id AS line_id, fl.item AS item_id,"
                + " i.itemid AS sku, NVL(i.displayname, i.itemid) AS name, ABS(fl.quantity) AS quantity,"
                + " ol.rate AS rate, ABS(ol.quantity) AS ordered, ABS(ol.foreignamount) AS ordered_amount"
                + items.itemColumns()
                + " FROM transactionline fl JOIN item i ON i.id = fl.item"
                + " JOIN previoustransactionlinelink k ON k.nextdoc = fl.transaction AND k.nextline = fl.id"
                + " AND k.linktype = 'ShipRcpt'"
                + " JOIN transactionline ol ON ol.transaction = k.previousdoc AND ol.id = k.previousline"
                + " WHERE fl.mainline = 'F' AND fl.taxline = 'F' AND fl.transaction IN (" + placeholders(ids) + ")"
                + " ORDER BY fl.transaction, fl.id";
        read(suiteQl, text, ids, line -> byFulfillment.computeIfAbsent(line.string("fulfillment_id"),
                id -> new ArrayList<>()).add(line.toArray(OrderLines.LINE)));
    }

    private static void readTrackingNumbers(SuiteQl suiteQl, List<String> ids,
                                            Map<String, List<Object[]>> byFulfillment) {
        String text = "SELECT m.transaction AS fulfillment_id, tn.trackingnumber AS tracking_number"
                + " FROM trackingnumbermap m JOIN trackingnumber tn ON tn.id = m.trackingnumber"
                + " WHERE m.transaction IN (" + placeholders(ids) + ") ORDER BY m.transaction, tn.id";
        read(suiteQl, text, ids, row -> {
            String number = row.string("tracking_number");
            if (number != null && !number.isBlank()) {
                byFulfillment.computeIfAbsent(row.string("fulfillment_id"), id -> new ArrayList<>())
                        .add(new Object[] {number.strip()});
            }
        });
    }

    private static void readFirstFulfillments(SuiteQl suiteQl, List<String> orders,
                                              Map<String, List<Object[]>> firstByOrder) {
        String text = "SELECT dl.createdfrom AS order_id, MIN(d.id) AS first_id FROM transaction d"
                + " JOIN transactionline dl ON dl.transaction = d.id AND dl.mainline = 'T'"
                + " WHERE d.type = 'ItemShip' AND dl.createdfrom IN (" + placeholders(orders) + ")"
                + " GROUP BY dl.createdfrom";
        read(suiteQl, text, orders, row -> firstByOrder.put(row.string("order_id"),
                List.<Object[]>of(new Object[] {row.string("first_id")})));
    }

    private static void read(SuiteQl suiteQl, String text, List<String> params,
                             Consumer<SuiteQlRow> each) {
        try (SuiteQlRows rows = suiteQl.readByOffset(new SuiteQlQuery(text, params), SuiteQl.MAX_LIMIT)) {
            while (rows.hasNext()) {
                each.accept(rows.next());
            }
        }
    }

    private static List<String> distinct(List<Map<String, Object>> rows, String column) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        rows.forEach(row -> values.add(String.valueOf(row.get(column))));
        return List.copyOf(values);
    }

    /** SuiteQL takes at most 1,000 values in an IN list. */
    private static List<List<String>> chunks(List<String> values) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += 1000) {
            chunks.add(values.subList(from, Math.min(values.size(), from + 1000)));
        }
        return chunks;
    }

    private static String placeholders(List<String> values) {
        return String.join(", ", values.stream().map(value -> "?").toList());
    }
}
