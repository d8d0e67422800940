package dev.nsbridge.sandbox.netsuite.data;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Writes transactions the way NetSuite stores them: a header row, line 0 as the mainline, item lines whose quantity
 * and amounts are negative on sales (the credit side, as SuiteQL shows them), links from each derived line back to
 * the order line it came from, and accounting lines for the documents that post.
 */
final class Documents implements AutoCloseable {
    static final String HEADER_COLUMNS = "id,tranid,trandate,type,status,entity,subsidiary,currency,exchangerate,"
            + "foreigntotal,memo,email,createddate,lastmodifieddate,shipdate,postingperiod,billingaddress,"
            + "shippingaddress,employee,otherrefnum,posting,voided,externalid,shipmethod,custbody_sales_channel,"
            + "custbody_gift_order,custbody_requested_delivery,custbody_discount_rate,custbody_klaviyo_event_id,"
            + "transactionnumber,createdby,lastmodifiedby,nexus,duedate";
    static final String LINE_COLUMNS = "transaction,id,linesequencenumber,mainline,taxline,item,itemtype,quantity,"
            + "rate,netamount,foreignamount,memo,isclosed,entity,subsidiary,location,department,class,createdfrom,"
            + "linecreateddate,linelastmodifieddate,custcol_gift_wrap,custcol_engraving,custcol_promised_ship";
    /** Accounting lines older than this carry no lastmodifieddate, like rows written before NetSuite 2023.1. */
    private final LocalDateTime accountingStampsSince;
    private final Inserter headers;
    private final Inserter lines;
    private final Inserter links;
    private final Inserter accounting;
    private final Inserter trackingNumbers;
    private final Inserter trackingMap;
    private final long clerk;
    /**
     * A posting document's mainline waits until its other lines are written: its amount is the negated sum of their
     * amounts in the subsidiary's currency, each rounded on its own, so that debits equal credits to the cent.
     */
    private Object[] pendingMainline;
    private Header pendingHeader;
    private long pendingAccount;
    private BigDecimal pendingSum;

    /** @param clerk the employee who enters and changes the documents */
    Documents(Connection connection, LocalDateTime accountingStampsSince, long clerk) throws SQLException {
        this.accountingStampsSince = accountingStampsSince;
        this.clerk = clerk;
        this.headers = new Inserter(connection, "transaction", HEADER_COLUMNS);
        this.lines = new Inserter(connection, "transactionline", LINE_COLUMNS);
        this.links = new Inserter(connection, "previoustransactionlinelink", "previousdoc,previousline,nextdoc,"
                + "nextline,linktype,previoustype,nexttype,foreignamount,amount,lastmodifieddate");
        this.accounting = new Inserter(connection, "transactionaccountingline", "transaction,transactionline,"
                + "accountingbook,account,amount,debit,credit,netamount,posting,amountunpaid,exchangerate,"
                + "lastmodifieddate");
        this.trackingNumbers = new Inserter(connection, "trackingnumber", "id,trackingnumber");
        this.trackingMap = new Inserter(connection, "trackingnumbermap", "transaction,trackingnumber");
    }

    /** The values a document's header and lines share. */
    record Header(long id, String tranid, String type, String status, Long entity, long subsidiary, long currency,
                  BigDecimal exchangeRate, LocalDateTime created, LocalDateTime modified, Long createdFrom,
                  boolean posting) {
    }

    /** One line of a document made of accounting entries alone (a bill's expense, a journal's line); debits positive. */
    record Entry(long account, BigDecimal amount, String memo) {
    }

    /** One item line: the amounts are already signed. */
    record Line(long id, long item, String itemType, BigDecimal quantity, BigDecimal rate, BigDecimal amount,
                Long previousLine, boolean closed, boolean giftWrap, String engraving) {
    }

    /** @param shipMethod the ship item a fulfillment went with (its carrier and service), or null */
    void header(Header header, BigDecimal total, String memo, String email, Long billing, Long shipping,
                Long salesRep, Long shipMethod, Object[] custom) throws SQLException {
        finishDocument();
        headers.row(header.id(), header.tranid(), header.created().toLocalDate(), header.type(), header.status(),
                header.entity(), header.subsidiary(), header.currency(), header.exchangeRate(), total, memo, email,
                header.created(), header.modified(), "ItemShip".equals(header.type()) ? header.created().toLocalDate()
                        : null, LedgerPeriods.periodId(header.created().toLocalDate()), billing, shipping, salesRep,
                header.id() % 7 == 0 ? "PO-" + (header.id() * 13 % 100_000) : null, header.posting(), false,
                header.id() % 5 == 0 ? "ext-" + header.id() : null, shipMethod, custom[0], custom[1], custom[2], custom[3],
                custom[4], header.tranid(), clerk, clerk, header.subsidiary(),
                header.type().equals("CustInvc") || header.type().equals("VendBill")
                        ? header.created().toLocalDate().plusDays(30) : null);
    }

    void mainline(Header header, BigDecimal total, String memo, long location) throws SQLException {
        // Sales post to receivables, cash refunds come out of the bank, credit memos reduce receivables.
        mainline(header, total, memo, location, header.type().equals("CashRfnd") ? 1L : 2L);
    }

    private void mainline(Header header, BigDecimal total, String memo, long location, long account)
            throws SQLException {
        Object[] row = {header.id(), 0L, 0L, true, false, null, null, null, null, base(header, total), total, memo,
            false, header.entity(), header.subsidiary(), location, 1L + header.id() % Generation.DEPARTMENTS,
            1L + header.id() % Generation.CLASSES, header.createdFrom(), header.created(), header.modified(),
            false, null, null};
        if (!header.posting()) {
            lines.row(row);
            return;
        }
        finishDocument();
        pendingMainline = row;
        pendingHeader = header;
        pendingAccount = account;
        pendingSum = BigDecimal.ZERO;
    }

    /**
     * Writes a document of accounting entries alone, a vendor bill or a journal: its mainline (line 0) takes the
     * entry on {@code mainAccount} that balances the others, as a bill's payable does.
     */
    void entries(Header header, String memo, long mainAccount, long location, List<Entry> entries)
            throws SQLException {
        BigDecimal debits = entries.stream().map(Entry::amount).filter(amount -> amount.signum() > 0)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        header(header, debits, memo, null, null, null, null, null, new Object[5]);
        mainline(header, debits, memo, location, mainAccount);
        long id = 1;
        for (Entry entry : entries) {
            lines.row(header.id(), id, id, false, false, null, null, null, null, base(header, entry.amount()),
                    entry.amount(), entry.memo(), false, header.entity(), header.subsidiary(), location,
                    1L + header.id() % Generation.DEPARTMENTS, null, null, header.created(), header.modified(), false,
                    null, null);
            accountingLine(header, id++, entry.account(), entry.amount());
        }
    }

    /** Writes the waiting mainline of a posting document, balancing its other accounting lines. */
    private void finishDocument() throws SQLException {
        if (pendingHeader == null) {
            return;
        }
        BigDecimal balance = pendingSum.negate();
        pendingMainline[9] = balance;
        lines.row(pendingMainline);
        writeAccounting(pendingHeader, 0L, pendingAccount, balance);
        pendingHeader = null;
        pendingMainline = null;
    }

    void line(Header header, Line line, long sequence, long location, LocalDateTime promisedShip) throws SQLException {
        lines.row(header.id(), line.id(), sequence, false, false, line.item(), line.itemType(), line.quantity(),
                line.rate(), base(header, line.amount()), line.amount(), null, line.closed(), header.entity(),
                header.subsidiary(), location, 1L + header.id() % Generation.DEPARTMENTS,
                1L + header.id() % Generation.CLASSES, header.createdFrom(), header.created(), header.modified(),
                line.giftWrap(), line.engraving(), promisedShip);
        if (header.createdFrom() != null && line.previousLine() != null) {
            links.row(header.createdFrom(), line.previousLine(), header.id(), line.id(), linkType(header.type()),
                    "SalesOrd", header.type(), line.amount() == null ? null : line.amount().abs(),
                    line.amount() == null ? null : base(header, line.amount()).abs(), header.created());
        }
        if (header.posting()) {
            accountingLine(header, line.id(), header.type().equals("CustInvc") ? 3L : 4L, line.amount());
        }
    }

    /** One package's tracking number on a fulfillment. */
    void trackingNumber(Header header, long id, String number) throws SQLException {
        trackingNumbers.row(id, number);
        trackingMap.row(header.id(), id);
    }

    void taxLine(Header header, long id, BigDecimal amount) throws SQLException {
        lines.row(header.id(), id, id, false, true, null, null, null, null, base(header, amount), amount, "Sales tax",
                false, header.entity(), header.subsidiary(), null, null, null, header.createdFrom(), header.created(),
                header.modified(), false, null, null);
        if (header.posting()) {
            accountingLine(header, id, 7L, amount);
        }
    }

    /** How a derived document's line points to the order line: the link type names are NetSuite's own codes. */
    private static String linkType(String type) {
        return switch (type) {
            case "ItemShip" -> "ShipRcpt";
            case "CustInvc" -> "OrdBill";
            default -> "SaleRet";
        };
    }

    private void accountingLine(Header header, long line, long account, BigDecimal amount) throws SQLException {
        if (amount == null) {
            return;
        }
        BigDecimal base = base(header, amount);
        if (pendingHeader != null && pendingHeader.id() == header.id()) {
            pendingSum = pendingSum.add(base);
        }
        writeAccounting(header, line, account, base);
    }

    /** One accounting line in the primary book; amounts are in the subsidiary's currency, debits positive. */
    private void writeAccounting(Header header, long line, long account, BigDecimal base) throws SQLException {
        accounting.row(header.id(), line, LedgerData.PRIMARY_BOOK, account, base, base.signum() > 0 ? base : null,
                base.signum() < 0 ? base.negate() : null, base, true, line == 0 ? base : null, header.exchangeRate(),
                header.created().isBefore(accountingStampsSince) ? null : header.modified());
    }

    private static BigDecimal base(Header header, BigDecimal amount) {
        return amount == null ? null : amount.multiply(header.exchangeRate()).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    @Override
    public void close() throws SQLException {
        finishDocument();
        headers.close();
        lines.close();
        links.close();
        accounting.close();
        trackingNumbers.close();
        trackingMap.close();
    }
}
