package dev.nsbridge.sandbox.netsuite.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Sales orders and what follows them: fulfillments, invoices, cash refunds and credit memos. Each derived document
 * points to its order by transactionline.createdfrom and, line by line, by previoustransactionlinelink.
 */
final class TransactionData {
    private static final List<String> ENGRAVINGS = List.of("Für Oma ❤", "Happy 30th, Zoë!", "東京 2024", "J+M");
    private final Generation generation;
    private final BigDecimal[] prices;
    private final String[] itemTypes;
    private final Shipments shipments;
    private long nextId;

    TransactionData(Generation generation, Connection connection, long firstId) throws SQLException {
        this.generation = generation;
        this.nextId = firstId;
        List<BigDecimal> priceList = new ArrayList<>();
        List<String> typeList = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT baseprice, itemtype FROM item ORDER BY id")) {
            while (rows.next()) {
                priceList.add(rows.getBigDecimal(1));
                typeList.add(rows.getString(2));
            }
        }
        this.prices = priceList.toArray(BigDecimal[]::new);
        this.itemTypes = typeList.toArray(String[]::new);
        this.shipments = new Shipments(generation, connection, firstId);
    }

    long nextId() {
        return nextId;
    }

    void write(Connection connection, EntityData.Customers customers) throws SQLException {
        SplittableRandom random = generation.random("orders");
        int count = customers.ids().length;
        Shipments.writeShipItems(connection, generation.now.minusDays(Generation.HISTORY_DAYS + 30L));
        try (Documents documents = new Documents(connection, generation.now.minusMonths(18), generation.firstEmployeeId);
             DeletedRecords deletions = new DeletedRecords(connection)) {
            for (int i = 0; i < generation.salesOrders; i++) {
                // A few customers buy often, most rarely: squaring the draw skews orders to the low indexes.
                int who = (int) (Math.pow(random.nextDouble(), 2) * count);
                LocalDateTime at = generation.after(random, customers.created()[who], Generation.HISTORY_DAYS);
                if (random.nextInt(100) == 0) {
                    long id = nextId++;
                    deletions.record(id, "salesorder", "Sales Order #SO" + id, generation.after(random, at, 30),
                            generation.firstEmployeeId);
                    continue;
                }
                order(documents, random, customers.ids()[who], customers.subsidiaries()[who], at,
                        customers.billing()[who] == 0 ? null : customers.billing()[who], HardText.memo(i));
            }
        }
        copyOrderAddresses(connection);
    }

    /** Writes one order and, by its status, its fulfillment, invoice and refund; answers the order's id. */
    /** @param memo the order's memo, or null for the generator's usual one (some orders carry a note) */
    long order(Documents documents, SplittableRandom random, long customer, long subsidiary, LocalDateTime at,
               Long billingAddress, String memo) throws SQLException {
        long ageDays = ChronoUnit.DAYS.between(at, generation.now);
        TransactionStatus status = orderStatus(random, ageDays);
        long currency = Generation.currencyOf(subsidiary);
        BigDecimal rate = BigDecimal.ONE;
        if (random.nextInt(12) == 0) {
            // An order in another currency than the subsidiary's: the exchange rate converts to the base currency.
            currency = 1 + random.nextInt(Generation.SUBSIDIARIES);
            rate = new BigDecimal(ReferenceData.CURRENCIES[(int) currency - 1][3]).divide(
                    new BigDecimal(ReferenceData.CURRENCIES[(int) subsidiary - 1][3]), 8, RoundingMode.HALF_UP);
        }
        long id = nextId++;
        LocalDateTime modified = generation.after(random, at, Math.min(ageDays + 1, 20));
        Documents.Header order = new Documents.Header(id, "SO" + id, "SalesOrd", status.letter, customer, subsidiary,
                currency, rate, at, modified, null, false);
        int roll = random.nextInt(100);
        int count = roll < 45 ? 1 : roll < 80 ? 2 : roll < 95 ? 3 : 4 + random.nextInt(6);
        List<Documents.Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int n = 1; n <= count; n++) {
            int item = random.nextInt(prices.length);
            BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(random.nextInt(10) == 0 ? 24 : 3));
            BigDecimal amount = prices[item].multiply(quantity);
            total = total.add(amount);
            lines.add(new Documents.Line(n, item + 1L, itemTypes[item], quantity.negate(), prices[item], amount.negate(),
                    null, status == TransactionStatus.SO_CLOSED, random.nextInt(20) == 0,
                    random.nextInt(30) == 0 ? Mess.pick(random, ENGRAVINGS) : null));
        }
        BigDecimal tax = subsidiary == 1 ? total.multiply(new BigDecimal("0.0825")).setScale(2, RoundingMode.HALF_UP)
                : null;
        BigDecimal grandTotal = tax == null ? total : total.add(tax);
        long location = 1 + (subsidiary - 1) % Generation.LOCATIONS;
        boolean noted = random.nextInt(6) == 0;
        documents.header(order, grandTotal, memo != null ? memo : noted ? "Leave at the door – merci!" : null, null,
                billingAddress == null ? null : id, billingAddress == null ? null : id,
                generation.firstEmployeeId + random.nextInt((int) generation.employees), null, new Object[] {
                    1L + random.nextInt(5), random.nextInt(10) == 0, random.nextInt(5) == 0
                        ? at.toLocalDate().plusDays(3 + random.nextInt(20)) : null,
                    random.nextInt(7) == 0 ? new BigDecimal("0.1") : null, null});
        documents.mainline(order, grandTotal, null, location);
        for (Documents.Line line : lines) {
            documents.line(order, line, line.id(), location, random.nextInt(5) == 0 ? at.plusDays(2) : null);
        }
        if (tax != null) {
            documents.taxLine(order, count + 1L, tax.negate());
        }
        followUps(documents, random, order, status, lines, location);
        return id;
    }

    private static TransactionStatus orderStatus(SplittableRandom random, long ageDays) {
        int roll = random.nextInt(100);
        if (roll < 3) {
            return TransactionStatus.SO_CANCELLED;
        }
        if (ageDays > 30) {
            return roll < 8 ? TransactionStatus.SO_CLOSED : roll < 50 ? TransactionStatus.SO_BILLED
                    : TransactionStatus.SO_PENDING_BILLING;
        }
        return roll < 8 ? TransactionStatus.SO_PENDING_APPROVAL : roll < 35 ? TransactionStatus.SO_PENDING_FULFILLMENT
                : roll < 45 ? TransactionStatus.SO_PARTIALLY_FULFILLED
                : roll < 55 ? TransactionStatus.SO_PENDING_BILLING_PARTIALLY_FULFILLED
                : roll < 75 ? TransactionStatus.SO_PENDING_BILLING : TransactionStatus.SO_BILLED;
    }

    private void followUps(Documents documents, SplittableRandom random, Documents.Header order,
                           TransactionStatus status, List<Documents.Line> lines, long location) throws SQLException {
        boolean fulfilled = switch (status) {
            case SO_PARTIALLY_FULFILLED, SO_PENDING_BILLING_PARTIALLY_FULFILLED, SO_PENDING_BILLING, SO_BILLED,
                 SO_CLOSED -> true;
            default -> false;
        };
        if (!fulfilled) {
            return;
        }
        boolean partial = status == TransactionStatus.SO_PARTIALLY_FULFILLED
                || status == TransactionStatus.SO_PENDING_BILLING_PARTIALLY_FULFILLED;
        List<Documents.Line> shipped = partial && lines.size() > 1 ? lines.subList(0, lines.size() - 1) : lines;
        List<List<Documents.Line>> parts = shipments.split(shipped);
        Documents.Header shipment = fulfillment(documents, random, order, parts.get(0), order.created(), location, 1);
        if (parts.size() > 1) {
            // The rest of the order went out later, as its own fulfillment.
            fulfillment(documents, shipments.random(), order, parts.get(1), shipment.created(), location, 10);
        }
        if (status == TransactionStatus.SO_BILLED) {
            Documents.Header invoice = derived(documents, random, order, "CustInvc", "INV",
                    random.nextInt(4) == 0 ? TransactionStatus.INVOICE_OPEN : TransactionStatus.INVOICE_PAID, lines,
                    true, true, location, order.created(), 2, null);
            if (random.nextInt(12) == 0 && invoice.created().isBefore(generation.now.minusDays(1))) {
                boolean cash = random.nextBoolean();
                derived(documents, random, order, cash ? "CashRfnd" : "CustCred", cash ? "CR" : "CM",
                        cash ? TransactionStatus.REFUND_DEPOSITED : TransactionStatus.CREDIT_APPLIED,
                        lines.subList(0, 1 + random.nextInt(lines.size())), true, false, location, order.created(), 20,
                        null);
            }
        }
    }

    /** An item fulfillment of some of the order's lines, with its ship method and packages' tracking numbers. */
    private Documents.Header fulfillment(Documents documents, SplittableRandom random, Documents.Header order,
                                         List<Documents.Line> lines, LocalDateTime after, long location, int days)
            throws SQLException {
        long shipMethod = shipments.shipMethod();
        Documents.Header header = derived(documents, random, order, "ItemShip", "IF", TransactionStatus.SHIP_SHIPPED,
                lines, false, false, location, after, days, shipMethod);
        shipments.trackingNumbers(documents, header, shipMethod);
        return header;
    }

    /** Writes a document made from the order; refunds carry positive amounts, the debit side. */
    private Documents.Header derived(Documents documents, SplittableRandom random, Documents.Header order,
                                     String type, String prefix, TransactionStatus status, List<Documents.Line> from,
                                     boolean amounts, boolean invoice, long location, LocalDateTime after, int days,
                                     Long shipMethod) throws SQLException {
        long id = nextId++;
        LocalDateTime at = generation.after(random, after, days);
        boolean refund = prefix.startsWith("C");
        Documents.Header header = new Documents.Header(id, prefix + id, type, status.letter, order.entity(),
                order.subsidiary(), order.currency(), order.exchangeRate(), at, generation.after(random, at, 5),
                order.id(), amounts);
        BigDecimal total = BigDecimal.ZERO;
        List<Documents.Line> lines = new ArrayList<>();
        for (Documents.Line line : from) {
            BigDecimal amount = amounts ? (refund ? line.amount().negate() : line.amount()) : null;
            total = amount == null ? total : total.add(amount.abs());
            lines.add(new Documents.Line(line.id(), line.item(), line.itemType(),
                    refund ? line.quantity().negate() : line.quantity(), amounts ? line.rate() : null, amount,
                    line.id(), false, line.giftWrap(), line.engraving()));
        }
        BigDecimal mainAmount = amounts ? (refund ? total.negate() : total) : null;
        documents.header(header, mainAmount, null, null, null, null, null, shipMethod, new Object[] {null, false,
            null, null,
            invoice && random.nextInt(3) == 0 ? "evt_" + Long.toHexString(random.nextLong()) : null});
        documents.mainline(header, mainAmount, null, location);
        for (Documents.Line line : lines) {
            documents.line(header, line, line.id(), location, null);
        }
        return header;
    }

    /** Orders copy the customer's default addresses into their own address records, keyed by the order's id. */
    static void copyOrderAddresses(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String[] kind : new String[][] {{"transactionbillingaddress", "defaultbillingaddress"},
                {"transactionshippingaddress", "defaultshippingaddress"}}) {
                statement.execute("INSERT INTO " + kind[0] + " (nkey, addressee, attention, addr1, addr2, city, state, "
                        + "zip, country, addrphone, addrtext, recordowner) SELECT t.id, a.addressee, a.attention, "
                        + "a.addr1, a.addr2, a.city, a.state, a.zip, a.country, a.addrphone, a.addrtext, t.id "
                        + "FROM transaction t JOIN customer c ON c.id = t.entity JOIN entityaddress a ON a.nkey = c."
                        + kind[1] + " WHERE t.type = 'SalesOrd' AND t.billingaddress IS NOT NULL AND NOT EXISTS "
                        + "(SELECT 1 FROM " + kind[0] + " x WHERE x.nkey = t.id)");
            }
        }
    }
}
