package dev.nsbridge.flows.orders;

import dev.nsbridge.flows.read.FlowSelect;
import dev.nsbridge.flows.read.FlowSelect.Projection;
import dev.nsbridge.netsuite.source.DetailQuery;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The order flows' reads. Each row is one document (a sales order, or the fulfillment, cancellation or refund of
 * one) with its order's header, customer and addresses, and nested in it the order's lines ({@link #LINES}), or for
 * a fulfillment what it shipped ({@link #SHIPPED_LINES}, {@link #TRACKING_NUMBERS}, {@link #FIRST_FULFILLMENT}):
 * the NetSuite source reads each of those once per page of documents, not once per document.
 *
 * <p>Placed orders are read by creation date, so an order edited later is not sent again (it would only be
 * deduplicated by its unique id); a cancellation is a change to the order, so it is read by modification date.
 * Follow-ups point to their order through the mainline's {@code createdfrom}. Sales lines are stored negative (the
 * credit side), so quantities and amounts are read as absolute values; the mainline and tax lines are not items.
 */
public final class OrderQueries {
    /** The order's item lines, nested in each row. */
    public static final String LINES = "lines";
    /** A fulfillment's own lines: item, quantity shipped, and the order line's quantity and amount. */
    public static final String SHIPPED_LINES = "shipped_lines";
    /** A fulfillment's packages' tracking numbers, one nested record each. */
    public static final String TRACKING_NUMBERS = "tracking_numbers";
    /** The first fulfillment of the order, as one nested record holding its {@code first_id}. */
    public static final String FIRST_FULFILLMENT = "first_fulfillment";

    private static final String ORDER_JOINS = " JOIN customer c ON c.id = so.entity"
            + " LEFT JOIN currency cur ON cur.id = so.currency"
            + " LEFT JOIN transactionbillingaddress ba ON ba.nkey = so.billingaddress"
            + " LEFT JOIN transactionshippingaddress sa ON sa.nkey = so.shippingaddress";
    private static final String FOLLOW_UP_FROM = "transaction d JOIN transactionline dl ON dl.transaction = d.id"
            + " AND dl.mainline = 'T' JOIN transaction so ON so.id = dl.createdfrom AND so.type = 'SalesOrd'";
    private static final String ITEM_LINE = " WHERE tl.mainline = 'F' AND tl.taxline = 'F'";

    private OrderQueries() {
    }

    public static FlowSelect placed() {
        List<Projection> columns = orderColumns();
        columns.add(0, Projection.text("id", "so.id"));
        columns.add(new Projection("cursor_date", "so.createddate", ColumnType.TIMESTAMP));
        columns.add(new Projection("event_at", "so.createddate", ColumnType.TIMESTAMP));
        return new FlowSelect("sales_orders", "transaction so" + ORDER_JOINS, columns, "cursor_date", "id",
                List.of("so.type = 'SalesOrd'"));
    }

    public static FlowSelect cancelled() {
        List<Projection> columns = orderColumns();
        columns.add(0, Projection.text("id", "so.id"));
        columns.add(new Projection("cursor_date", "so.lastmodifieddate", ColumnType.TIMESTAMP));
        columns.add(new Projection("event_at", "so.lastmodifieddate", ColumnType.TIMESTAMP));
        columns.add(Projection.text("reason", "NVL(so.memo, 'Cancelled')"));
        return new FlowSelect("cancelled_orders", "transaction so" + ORDER_JOINS, columns, "cursor_date", "id",
                List.of("so.type = 'SalesOrd'", "so.status = 'C'"));
    }

    /**
     * One row per item fulfillment (a shipment), with its number and ship method. The ship method is a ship item,
     * so its display text is the carrier and service (e.g. UPS Ground).
     */
    public static FlowSelect fulfilled() {
        return followUp("item_fulfillments", "d.type = 'ItemShip'", List.of(
                Projection.text("fulfillment_number", "d.tranid"), Projection.text("carrier", "BUILTIN.DF(d.shipmethod)")));
    }

    public static FlowSelect refunded() {
        return followUp("refunds", "d.type IN ('CashRfnd', 'CustCred')", List.of());
    }

    /**
     * The order's lines, nested in each row under {@link #LINES}.
     *
     * @param brandField    item column holding the brand, if any
     * @param categoryField item column holding the category, if any
     */
    public static DetailQuery lines(Optional<String> brandField, Optional<String> categoryField) {
        String text = "SELECT tl.transaction AS order_id, tl.id AS line_id, tl.item AS item_id, i.itemid AS sku,"
                + " NVL(i.displayname, i.itemid) AS name, ABS(tl.quantity) AS quantity, tl.rate AS rate,"
                + " ABS(tl.foreignamount) AS amount" + itemColumns(brandField, categoryField)
                + " FROM transactionline tl JOIN item i ON i.id = tl.item" + ITEM_LINE;
        List<Column> columns = lineColumns(brandField, categoryField);
        columns.add(new Column("amount", ColumnType.DECIMAL));
        return new DetailQuery(LINES, text, "order_id", "order_id", columns, List.of("line_id"));
    }

    /**
     * What each item fulfillment of a page shipped: its own lines, its packages' tracking numbers, and which
     * fulfillment came first for its order.
     *
     * <p>An item fulfillment records the shipment of some or all items of an order (Oracle's help, section_N3195884),
     * so one order may have several, and one order line may ship in parts. A fulfillment line carries the item and
     * the quantity shipped but no price; it points to the order line it ships through
     * {@code previoustransactionlinelink} (link type {@code ShipRcpt}), whose amount, in proportion to the quantity
     * shipped, is the shipped line's value. Tracking numbers are reached only through {@code trackingnumbermap} and
     * {@code trackingnumber}: public SuiteQL clients report that the record's {@code trackingnumbers} text fails as
     * an unknown identifier. The first fulfillment is the one with the lowest internal id, since NetSuite gives ids
     * in creation order.
     */
    public static List<DetailQuery> shipments(Optional<String> brandField, Optional<String> categoryField) {
        String lines = "SELECT tl.transaction AS fulfillment_id, tl.id AS line_id, tl.item AS item_id,"
                + " i.itemid AS sku, NVL(i.displayname, i.itemid) AS name, ABS(tl.quantity) AS quantity,"
                + " ol.rate AS rate, ABS(ol.quantity) AS ordered, ABS(ol.foreignamount) AS ordered_amount"
                + itemColumns(brandField, categoryField)
                + " FROM transactionline tl JOIN item i ON i.id = tl.item"
                + " JOIN previoustransactionlinelink k ON k.nextdoc = tl.transaction AND k.nextline = tl.id"
                + " AND k.linktype = 'ShipRcpt'"
                + " JOIN transactionline ol ON ol.transaction = k.previousdoc AND ol.id = k.previousline" + ITEM_LINE;
        List<Column> lineColumns = lineColumns(brandField, categoryField);
        lineColumns.add(new Column("ordered", ColumnType.DECIMAL));
        lineColumns.add(new Column("ordered_amount", ColumnType.DECIMAL));
        String tracking = "SELECT m.transaction AS fulfillment_id, tn.id AS tracking_id,"
                + " tn.trackingnumber AS tracking_number"
                + " FROM trackingnumbermap m JOIN trackingnumber tn ON tn.id = m.trackingnumber";
        String first = "SELECT dl.createdfrom AS order_id, MIN(d.id) AS first_id FROM transaction d"
                + " JOIN transactionline dl ON dl.transaction = d.id AND dl.mainline = 'T'"
                + " WHERE d.type = 'ItemShip' GROUP BY dl.createdfrom";
        return List.of(
                new DetailQuery(SHIPPED_LINES, lines, "fulfillment_id", "id", lineColumns, List.of("line_id")),
                new DetailQuery(TRACKING_NUMBERS, tracking, "fulfillment_id", "id", List.of(
                        new Column("tracking_id", ColumnType.STRING),
                        new Column("tracking_number", ColumnType.STRING)), List.of("tracking_id")),
                new DetailQuery(FIRST_FULFILLMENT, first, "order_id", "order_id", List.of(
                        new Column("first_id", ColumnType.STRING)), List.of()));
    }

    private static List<Column> lineColumns(Optional<String> brandField, Optional<String> categoryField) {
        List<Column> columns = new ArrayList<>(List.of(new Column("line_id", ColumnType.STRING),
                new Column("item_id", ColumnType.STRING), new Column("sku", ColumnType.STRING),
                new Column("name", ColumnType.STRING), new Column("quantity", ColumnType.DECIMAL),
                new Column("rate", ColumnType.DECIMAL)));
        brandField.ifPresent(field -> columns.add(new Column("brand", ColumnType.STRING)));
        categoryField.ifPresent(field -> columns.add(new Column("category", ColumnType.STRING)));
        return columns;
    }

    /** The item's brand and category columns, as the projection's tail (empty when neither is set). */
    private static String itemColumns(Optional<String> brandField, Optional<String> categoryField) {
        return brandField.map(f -> ", " + FlowSelect.field("i", f) + " AS brand").orElse("")
                + categoryField.map(f -> ", " + FlowSelect.field("i", f) + " AS category").orElse("");
    }

    private static FlowSelect followUp(String stream, String type, List<Projection> extra) {
        List<Projection> columns = orderColumns();
        columns.add(0, Projection.text("id", "d.id"));
        columns.add(new Projection("cursor_date", "d.createddate", ColumnType.TIMESTAMP));
        columns.add(new Projection("event_at", "d.createddate", ColumnType.TIMESTAMP));
        columns.add(new Projection("amount", "ABS(d.foreigntotal)", ColumnType.DECIMAL));
        columns.add(Projection.text("reason", "NVL(d.memo, BUILTIN.DF(d.type))"));
        columns.addAll(extra);
        return new FlowSelect(stream, FOLLOW_UP_FROM + ORDER_JOINS, columns, "cursor_date", "id", List.of(type));
    }

    /** The order's own columns, under the aliases {@link OrderDocuments} reads. */
    private static List<Projection> orderColumns() {
        List<Projection> columns = new ArrayList<>(List.of(
                Projection.text("order_id", "so.id"), Projection.text("tranid", "so.tranid"),
                new Projection("placed_at", "so.createddate", ColumnType.TIMESTAMP),
                new Projection("total", "so.foreigntotal", ColumnType.DECIMAL), Projection.text("currency", "cur.symbol"),
                Projection.text("customer_id", "so.entity"), Projection.text("email", "c.email"),
                Projection.text("phone", "c.phone"), Projection.text("firstname", "c.firstname"),
                Projection.text("lastname", "c.lastname")));
        for (String[] kind : new String[][] {{"bill", "ba"}, {"ship", "sa"}}) {
            columns.add(Projection.text(kind[0] + "_address1", kind[1] + ".addr1"));
            columns.add(Projection.text(kind[0] + "_city", kind[1] + ".city"));
            columns.add(Projection.text(kind[0] + "_state", kind[1] + ".state"));
            columns.add(Projection.text(kind[0] + "_country", kind[1] + ".country"));
            columns.add(Projection.text(kind[0] + "_zip", kind[1] + ".zip"));
            columns.add(Projection.text(kind[0] + "_phone", kind[1] + ".addrphone"));
        }
        return columns;
    }
}
