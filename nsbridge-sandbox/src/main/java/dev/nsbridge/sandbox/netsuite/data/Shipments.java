package dev.nsbridge.sandbox.netsuite.data;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How orders ship: which orders go out in two fulfillments, and each fulfillment's ship method and package tracking
 * numbers. Every draw comes from its own random stream, so the orders, their lines and their other documents stay
 * what the same seed always gave.
 *
 * <p>In NetSuite a fulfillment's carrier and service are its ship method, a ship item ({@code shipitem}); each
 * package has a tracking number, reached in SuiteQL through {@code trackingnumbermap} (the record's
 * {@code trackingnumbers} text is not a SuiteQL field).
 */
final class Shipments {
    /** Ship items: name, and how the carrier's tracking numbers look. */
    private static final List<String[]> SHIP_ITEMS = List.of(new String[] {"UPS Ground", "ups"},
            new String[] {"FedEx 2Day", "fedex"}, new String[] {"USPS Priority Mail", "usps"},
            new String[] {"DHL Express Worldwide", "dhl"});
    /** Ship items share the item id space; these sit far above the generated items. */
    static final long FIRST_SHIP_ITEM = 90_001;
    private static final String ALPHANUMERIC = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private final SplittableRandom random;
    private long nextTrackingId;

    /** @param firstId the first transaction id to come: activity after the generation draws a stream of its own */
    Shipments(Generation generation, Connection connection, long firstId) throws SQLException {
        this.random = generation.random("shipments from " + firstId);
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM trackingnumber")) {
            rows.next();
            this.nextTrackingId = rows.getLong(1) + 1;
        }
    }

    static void writeShipItems(Connection connection, LocalDateTime setUp) throws SQLException {
        try (Inserter items = new Inserter(connection, "shipitem", "id,itemid,displayname,isinactive,lastmodifieddate")) {
            for (int i = 0; i < SHIP_ITEMS.size(); i++) {
                items.row(FIRST_SHIP_ITEM + i, SHIP_ITEMS.get(i)[0], SHIP_ITEMS.get(i)[0], false, setUp);
            }
        }
    }

    /**
     * The fulfillments an order's shipped lines go out in: a third of the orders with two lines or more ship in two
     * parts, some lines first and the rest later; a third of those with one line of two or more units ship some of
     * the units first and the rest later (a backorder). The others ship at once.
     */
    List<List<Documents.Line>> split(List<Documents.Line> lines) {
        if (lines.size() >= 2) {
            if (random.nextInt(3) != 0) {
                return List.of(lines);
            }
            int first = 1 + random.nextInt(lines.size() - 1);
            return List.of(lines.subList(0, first), lines.subList(first, lines.size()));
        }
        BigDecimal ordered = lines.isEmpty() ? BigDecimal.ZERO : lines.get(0).quantity().abs();
        if (ordered.compareTo(BigDecimal.valueOf(2)) < 0 || random.nextInt(3) != 0) {
            return List.of(lines);
        }
        BigDecimal first = BigDecimal.valueOf(1 + random.nextInt(ordered.intValue() - 1));
        return List.of(List.of(part(lines.get(0), first)), List.of(part(lines.get(0), ordered.subtract(first))));
    }

    /** Some units of an order line, signed and priced as the line is. */
    private static Documents.Line part(Documents.Line line, BigDecimal units) {
        BigDecimal quantity = line.quantity().signum() < 0 ? units.negate() : units;
        return new Documents.Line(line.id(), line.item(), line.itemType(), quantity, line.rate(),
                line.rate() == null ? null : line.rate().multiply(quantity), line.previousLine(), line.closed(),
                line.giftWrap(), line.engraving());
    }

    /** The random stream the second fulfillment's dates come from. */
    SplittableRandom random() {
        return random;
    }

    long shipMethod() {
        return FIRST_SHIP_ITEM + random.nextInt(SHIP_ITEMS.size());
    }

    /** Usually one package; now and then two boxes, or none tracked (a local courier). */
    void trackingNumbers(Documents documents, Documents.Header fulfillment, long shipMethod) throws SQLException {
        int roll = random.nextInt(10);
        int packages = roll == 0 ? 0 : roll == 1 ? 2 : 1;
        String carrier = SHIP_ITEMS.get((int) (shipMethod - FIRST_SHIP_ITEM))[1];
        for (int n = 0; n < packages; n++) {
            documents.trackingNumber(fulfillment, nextTrackingId++, trackingNumber(carrier));
        }
    }

    private String trackingNumber(String carrier) {
        return switch (carrier) {
            case "ups" -> "1Z" + characters(ALPHANUMERIC, 6) + "03" + characters("0123456789", 8);
            case "fedex" -> characters("0123456789", 12);
            case "usps" -> "9400" + characters("0123456789", 18);
            default -> characters("0123456789", 10);
        };
    }

    private String characters(String alphabet, int count) {
        StringBuilder text = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
