package dev.nsbridge.sandbox.netsuite.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a ledger holds beside sales: each month and subsidiary a vendor bill (running costs against payables, or a
 * tax agency's bill for the sales tax collected), and a month-end accrual journal reversed on the first day of the
 * next month. A small account has fewer
 * of them, so the account's size still follows its scale.
 */
final class LedgerEntries {
    private static final String[] EXPENSES = {"Rent", "Utilities", "Freight", "Software subscriptions", "Packaging"};

    private final Generation generation;
    private long nextId;

    LedgerEntries(Generation generation, long firstId) {
        this.generation = generation;
        this.nextId = firstId;
    }

    void write(Connection connection) throws SQLException {
        Map<Long, List<long[]>> vendors = vendorsBySubsidiary(connection);
        SplittableRandom random = generation.random("ledger-entries");
        double share = Math.min(1, generation.scale * 4);
        List<long[]> reversals = new ArrayList<>();
        LocalDate month = generation.now.toLocalDate().minusDays(Generation.HISTORY_DAYS).withDayOfMonth(1);
        try (Documents documents = new Documents(connection, generation.now.minusMonths(18),
                generation.firstEmployeeId)) {
            for (; !month.isAfter(generation.now.toLocalDate()); month = month.plusMonths(1)) {
                for (long subsidiary = 1; subsidiary <= Generation.SUBSIDIARIES; subsidiary++) {
                    boolean bill = random.nextDouble() < share;
                    boolean accrual = random.nextDouble() < share;
                    List<long[]> suppliers = vendors.getOrDefault(subsidiary, List.of());
                    if (bill && !suppliers.isEmpty()) {
                        bill(documents, random, subsidiary, suppliers.get(random.nextInt(suppliers.size())), month);
                    }
                    if (accrual) {
                        accrual(documents, random, subsidiary, month, reversals);
                    }
                }
            }
        }
        try (PreparedStatement link = connection.prepareStatement("UPDATE transaction SET reversal = ?, "
                + "reversaldate = ? WHERE id = ?");
             PreparedStatement mark = connection.prepareStatement("UPDATE transaction SET isreversal = 'T' "
                     + "WHERE id = ?")) {
            for (long[] pair : reversals) {
                link.setLong(1, pair[1]);
                link.setObject(2, LocalDate.ofEpochDay(pair[2]).atStartOfDay());
                link.setLong(3, pair[0]);
                link.addBatch();
                mark.setLong(1, pair[1]);
                mark.addBatch();
            }
            link.executeBatch();
            mark.executeBatch();
        }
    }

    /** A bill for running costs, or from a tax agency (vendor[1] is 1) for the sales tax collected. */
    private void bill(Documents documents, SplittableRandom random, long subsidiary, long[] vendor, LocalDate month)
            throws SQLException {
        LocalDateTime at = month.withDayOfMonth(1 + random.nextInt(25)).atTime(9 + random.nextInt(8), 0);
        if (at.isAfter(generation.now)) {
            return;
        }
        List<Documents.Entry> entries = new ArrayList<>();
        for (int n = 0, count = 1 + random.nextInt(3); n < count; n++) {
            String expense = EXPENSES[random.nextInt(EXPENSES.length)];
            entries.add(vendor[1] == 1 ? new Documents.Entry(LedgerData.SALES_TAX, amount(random, subsidiary, 100, 900),
                    "Sales tax return") : new Documents.Entry(LedgerData.OPERATING_EXPENSES,
                    amount(random, subsidiary, 200, 8_000), expense));
        }
        boolean paid = at.plusDays(30).isBefore(generation.now);
        long id = nextId++;
        documents.entries(header(id, "BILL" + id, "VendBill", paid ? TransactionStatus.BILL_PAID
                : TransactionStatus.BILL_OPEN, vendor[0], subsidiary, at), vendor[1] == 1 ? "Tax return"
                : "Monthly running costs",
                LedgerData.ACCOUNTS_PAYABLE, 1 + (subsidiary - 1) % Generation.LOCATIONS, entries);
    }

    /** An accrual on the last day of the month, reversed on the first of the next, when both have happened. */
    private void accrual(Documents documents, SplittableRandom random, long subsidiary, LocalDate month,
                         List<long[]> reversals) throws SQLException {
        LocalDate last = month.withDayOfMonth(month.lengthOfMonth());
        LocalDate next = last.plusDays(1);
        if (next.atTime(10, 0).isAfter(generation.now)) {
            return;
        }
        BigDecimal amount = amount(random, subsidiary, 500, 5_000);
        long location = 1 + (subsidiary - 1) % Generation.LOCATIONS;
        long original = nextId++;
        documents.entries(header(original, "JE" + original, "Journal", TransactionStatus.JOURNAL_APPROVED, null,
                subsidiary, last.atTime(17, 0)), "Accrued expenses", LedgerData.ACCRUED_LIABILITIES, location,
                List.of(new Documents.Entry(LedgerData.OPERATING_EXPENSES, amount, "Services received, not billed")));
        long reversal = nextId++;
        documents.entries(header(reversal, "JE" + reversal, "Journal", TransactionStatus.JOURNAL_APPROVED, null,
                subsidiary, next.atTime(10, 0)), "Reversal of JE" + original, LedgerData.ACCRUED_LIABILITIES,
                location, List.of(new Documents.Entry(LedgerData.OPERATING_EXPENSES, amount.negate(),
                        "Reversal of accrual")));
        reversals.add(new long[] {original, reversal, next.toEpochDay()});
    }

    private static Documents.Header header(long id, String tranid, String type, TransactionStatus status, Long entity,
                                           long subsidiary, LocalDateTime at) {
        return new Documents.Header(id, tranid, type, status.letter, entity, subsidiary,
                Generation.currencyOf(subsidiary), BigDecimal.ONE, at, at, null, true);
    }

    /** An amount worth between the two dollar figures, in the subsidiary's currency and whole units. */
    private static BigDecimal amount(SplittableRandom random, long subsidiary, int low, int high) {
        BigDecimal dollars = BigDecimal.valueOf(low + random.nextInt(high - low));
        BigDecimal rate = new BigDecimal(ReferenceData.CURRENCIES[(int) subsidiary - 1][3]);
        return dollars.divide(rate, 0, RoundingMode.HALF_UP).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Each subsidiary's vendors as their id and 1 for a tax agency, 0 for a supplier. */
    private static Map<Long, List<long[]>> vendorsBySubsidiary(Connection connection) throws SQLException {
        Map<Long, List<long[]>> vendors = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT v.id, v.subsidiary, c.istaxagency "
                + "FROM vendor v JOIN vendorcategory c ON c.id = v.category ORDER BY v.id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                vendors.computeIfAbsent(rows.getLong(2), key -> new ArrayList<>())
                        .add(new long[] {rows.getLong(1), rows.getString(3).equals("T") ? 1 : 0});
            }
        }
        return vendors;
    }
}
