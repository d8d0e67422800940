package dev.nsbridge.netsuite.source;

import dev.nsbridge.netsuite.suiteql.DateConventions;
import dev.nsbridge.netsuite.suiteql.SuiteQl;
import dev.nsbridge.netsuite.suiteql.SuiteQlRows;
import dev.nsbridge.netsuite.suiteql.SuiteQlSelect;
import dev.nsbridge.netsuite.suiteql.SuiteQlSelect.Condition;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which {@code deletedrecord} rows belong to which table. {@code deletedrecord.type} holds the record type's script
 * id ({@code customer}, {@code salesorder}, …); a table maps to the script ids of the records it holds. Tables
 * whose records NetSuite does not track there (systemnote, the mapping tables) have no deletes: a full reload, or
 * a truncate load, is how they lose rows.
 */
final class DeletedRecords {
    /** Every transaction record type: the transaction table holds them all, and their lines hang off them. */
    static final List<String> TRANSACTION_TYPES = List.of("salesorder", "invoice", "cashsale", "cashrefund",
            "creditmemo", "customerpayment", "customerrefund", "customerdeposit", "depositapplication", "estimate",
            "opportunity", "returnauthorization", "itemfulfillment", "itemreceipt", "purchaseorder", "vendorbill",
            "vendorcredit", "vendorpayment", "vendorreturnauthorization", "journalentry", "intercompanyjournalentry",
            "statisticaljournalentry", "check", "deposit", "transferorder", "inventoryadjustment",
            "inventorytransfer", "workorder", "assemblybuild", "assemblyunbuild", "expensereport");
    static final List<String> ITEM_TYPES = List.of("inventoryitem", "lotnumberedinventoryitem",
            "serializedinventoryitem", "noninventoryitem", "noninventorysaleitem", "noninventorypurchaseitem",
            "noninventoryresaleitem", "serviceitem", "servicesaleitem", "servicepurchaseitem", "serviceresaleitem",
            "kititem", "assemblyitem", "itemgroup", "discountitem", "markupitem", "otherchargeitem", "paymentitem",
            "subtotalitem", "descriptionitem", "giftcertificateitem", "downloaditem");
    private static final Map<String, List<String>> TYPES = Map.ofEntries(
            Map.entry("customer", List.of("customer")),
            Map.entry("contact", List.of("contact")),
            Map.entry("employee", List.of("employee")),
            Map.entry("vendor", List.of("vendor")),
            Map.entry("job", List.of("job")),
            Map.entry("entity", List.of("customer", "contact", "employee", "vendor", "partner", "job")),
            Map.entry("transaction", TRANSACTION_TYPES),
            // A deleted transaction takes all its lines: those tables get a scope over the transaction, not keys.
            Map.entry("transactionline", TRANSACTION_TYPES),
            Map.entry("transactionaccountingline", TRANSACTION_TYPES),
            Map.entry("item", ITEM_TYPES),
            Map.entry("subsidiary", List.of("subsidiary")),
            Map.entry("currency", List.of("currency")),
            Map.entry("account", List.of("account")),
            Map.entry("accountingperiod", List.of("accountingperiod")),
            Map.entry("location", List.of("location")),
            Map.entry("department", List.of("department")),
            Map.entry("classification", List.of("classification")),
            // Both relationship records are in the getDeleted enumeration of record types NetSuite tracks.
            Map.entry("customersubsidiaryrelationship", List.of("customersubsidiaryrelationship")),
            Map.entry("vendorsubsidiaryrelationship", List.of("vendorsubsidiaryrelationship")));
    private static final String DELETED_FROM = "FROM deletedrecord WHERE type IN (";

    private DeletedRecords() {
    }

    /** The deletedrecord types of a table; empty when NetSuite does not track its deletions. */
    static List<String> typesOf(String table) {
        return TYPES.getOrDefault(table.toLowerCase(java.util.Locale.ROOT), List.of());
    }

    /** The latest deletion strictly after {@code after}, as a scalar subquery for a probe. */
    static Condition latestAfter(List<String> types, Instant after, DateConventions dates) {
        List<String> params = new ArrayList<>(types);
        params.add(dates.toDateParameter(after));
        return new Condition("SELECT TO_CHAR(MAX(deleteddate), '" + DateConventions.TO_CHAR_FORMAT + "') "
                + DELETED_FROM + placeholders(types.size()) + ") AND deleteddate > TO_DATE(?, '"
                + DateConventions.TO_CHAR_FORMAT + "')", params);
    }

    /** The ids of records of {@code types} deleted at or after {@code from}, in order, each once. */
    static List<Long> idsSince(SuiteQl suiteQl, List<String> types, Instant from, int pageRows) {
        List<String> params = new ArrayList<>(types);
        SuiteQlSelect select = SuiteQlSelect.from("deletedrecord", List.of(new Column("recordid", ColumnType.INTEGER)))
                .where(new Condition("type IN (" + placeholders(types.size()) + ")", params))
                .changedSince("deleteddate", from, true, suiteQl.dates());
        TreeSet<Long> ids = new TreeSet<>();
        // Keyset on recordid: a record deleted twice (or ids shared across types) is one key either way.
        try (SuiteQlRows rows = suiteQl.readByKeyset(select, List.of("recordid"), pageRows)) {
            rows.forEachRemaining(row -> Optional.ofNullable(row.integer("recordid")).ifPresent(ids::add));
        }
        return List.copyOf(ids);
    }

    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
