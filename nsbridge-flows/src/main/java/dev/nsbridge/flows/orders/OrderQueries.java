package dev.nsbridge.flows.orders;

import dev.nsbridge.flows.read.FlowQuery;
import dev.nsbridge.flows.read.FlowQuery.Condition;
import dev.nsbridge.flows.read.FlowQuery.Projection;
import dev.nsbridge.spi.stream.ColumnType;
import java.util.ArrayList;
import java.util.List;

/**
 * The order flows' reads. Each row is one document (a sales order, or the fulfillment, cancellation or refund of
 * one) with its order's header, customer and addresses; {@link OrderLines} adds the order's lines, and
 * {@link ShipmentDetails} a fulfillment's own.
 *
 * <p>Placed orders are read by creation date, so an order edited later is not sent again (it would only be
 * deduplicated by its unique id); a cancellation is a change to the order, so it is read by modification date.
 * Follow-ups point to their order through the mainline's {@code createdfrom}.
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

    private OrderQueries() {
    }

    public static FlowQuery placed() {
        List<Projection> columns = orderColumns();
        columns.add(0, text("id", "so.id"));
        columns.add(new Projection("cursor_date", "so.createddate", ColumnType.TIMESTAMP));
        columns.add(new Projection("event_at", "so.createddate", ColumnType.TIMESTAMP));
        return new FlowQuery("sales_orders", "transaction so" + ORDER_JOINS, columns, "cursor_date", "id",
                List.of(Condition.of("so.type = 'SalesOrd'")));
    }

    public static FlowQuery cancelled() {
        List<Projection> columns = orderColumns();
        columns.add(0, text("id", "so.id"));
        columns.add(new Projection("cursor_date", "so.lastmodifieddate", ColumnType.TIMESTAMP));
        columns.add(new Projection("event_at", "so.lastmodifieddate", ColumnType.TIMESTAMP));
        columns.add(text("reason", "NVL(so.memo, 'Cancelled')"));
        return new FlowQuery("cancelled_orders", "transaction so" + ORDER_JOINS, columns, "cursor_date", "id",
                List.of(Condition.of("so.type = 'SalesOrd'"), Condition.of("so.status = 'C'")));
    }

    /**
     * One row per item fulfillment (a shipment), with its number and ship method; {@link ShipmentDetails} adds what
     * it shipped and its tracking numbers. The ship method is a ship item, so its display text is the carrier and
     * service (e.g. UPS Ground).
     */
    public static FlowQuery fulfilled() {
        return followUp("item_fulfillments", "d.type = 'ItemShip'", List.of(text("fulfillment_number", "d.tranid"),
                text("carrier", "BUILTIN.DF(d.shipmethod)")));
    }

    public static FlowQuery refunded() {
        return followUp("refunds", "d.type IN ('CashRfnd', 'CustCred')", List.of());
    }

    private static FlowQuery followUp(String stream, String type, List<Projection> extra) {
        List<Projection> columns = orderColumns();
        columns.add(0, text("id", "d.id"));
        columns.add(new Projection("cursor_date", "d.createddate", ColumnType.TIMESTAMP));
        columns.add(new Projection("event_at", "d.createddate", ColumnType.TIMESTAMP));
        columns.add(new Projection("amount", "ABS(d.foreigntotal)", ColumnType.DECIMAL));
        columns.add(text("reason", "NVL(d.memo, BUILTIN.DF(d.type))"));
        columns.addAll(extra);
        return new FlowQuery(stream, FOLLOW_UP_FROM + ORDER_JOINS, columns, "cursor_date", "id",
                List.of(Condition.of(type)));
    }

    /** The order's own columns, under the aliases {@link OrderDocuments} reads. */
    private static List<Projection> orderColumns() {
        List<Projection> columns = new ArrayList<>(List.of(
                text("order_id", "so.id"), text("tranid", "so.tranid"),
                new Projection("placed_at", "so.createddate", ColumnType.TIMESTAMP),
                new Projection("total", "so.foreigntotal", ColumnType.DECIMAL), text("currency", "cur.symbol"),
                text("customer_id", "so.entity"), text("email", "c.email"), text("phone", "c.phone"),
                text("firstname", "c.firstname"), text("lastname", "c.lastname")));
        for (String[] kind : new String[][] {{"bill", "ba"}, {"ship", "sa"}}) {
            columns.add(text(kind[0] + "_address1", kind[1] + ".addr1"));
            columns.add(text(kind[0] + "_city", kind[1] + ".city"));
            columns.add(text(kind[0] + "_state", kind[1] + ".state"));
            columns.add(text(kind[0] + "_country", kind[1] + ".country"));
            columns.add(text(kind[0] + "_zip", kind[1] + ".zip"));
            columns.add(text(kind[0] + "_phone", kind[1] + ".addrphone"));
        }
        return columns;
    }

    private static Projection text(String alias, String expression) {
        return new Projection(alias, expression, ColumnType.STRING);
    }
}
