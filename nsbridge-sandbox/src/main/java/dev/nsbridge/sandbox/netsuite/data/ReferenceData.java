package dev.nsbridge.sandbox.netsuite.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The books (see {@link LedgerData}), segments, employees, vendors with their categories and tax nexuses, items and
 * display names.
 */
final class ReferenceData {
    static final String[][] SUBSIDIARIES = {{"Parent Company", "US"}, {"UK Ltd", "GB"}, {"Deutschland GmbH", "DE"},
        {"日本 KK", "JP"}, {"Canada Inc.", "CA"}};
    static final String[][] CURRENCIES = {{"USA", "USD", "$", "1"}, {"British pound", "GBP", "£", "1.2684"},
        {"Euro", "EUR", "€", "1.0823"}, {"Japanese yen", "JPY", "¥", "0.0066821"}, {"Canadian Dollar", "CAD", "$", "0.7312"}};
    static final String[][] ITEM_TYPES = {{"InvtPart", "Inventory Item"}, {"NonInvtPart", "Non-inventory Item"},
        {"Service", "Service"}, {"Kit", "Kit/Package"}, {"Assembly", "Assembly"}};

    static final String[] VENDOR_CATEGORIES = {"Tax agency", "Suppliers", "Services", "Logistics"};
    private static final String[] TAX_AGENCIES = {"California Department of Tax and Fee Administration",
        "HM Revenue & Customs", "Bundeszentralamt für Steuern", "国税庁", "Canada Revenue Agency"};

    private final Generation generation;

    ReferenceData(Generation generation) {
        this.generation = generation;
    }

    void write(Connection connection) throws SQLException {
        LocalDateTime setUp = generation.now.minusDays(Generation.HISTORY_DAYS + 30L);
        new LedgerData(generation).write(connection, setUp);
        writeSegments(connection, setUp);
        writeDisplayNames(connection);
    }

    private void writeSegments(Connection connection, LocalDateTime setUp) throws SQLException {
        String[][] segments = {{"location", "Portland Warehouse", "London DC", "Frankfurt DC", "Osaka Store"},
            {"department", "Sales", "Marketing", "Customer Service", "Operations", "Wholesale"},
            {"classification", "Retail", "E-commerce", "B2B", "Marketplace"}};
        // Segments nest in NetSuite (parent is another row of the same list): Frankfurt under London, Customer
        // Service under Operations, Wholesale under Sales, E-commerce under Retail and Marketplace under E-commerce.
        Long[][] parents = {{null, null, 2L, null}, {null, null, 4L, null, 1L}, {null, 1L, null, 2L}};
        for (int s = 0; s < segments.length; s++) {
            String[] segment = segments[s];
            boolean location = segment[0].equals("location");
            try (Inserter rows = new Inserter(connection, segment[0], "id,name,fullname,subsidiary,includechildren,"
                    + "parent,isinactive,externalid,lastmodifieddate" + (location ? ",mainaddress" : ""))) {
                for (int i = 1; i < segment.length; i++) {
                    // A segment's subsidiary is a list of ids in NetSuite, text on the wire; each here has one.
                    Object[] values = {(long) i, segment[i], segment[i],
                        String.valueOf(Math.min(i, Generation.SUBSIDIARIES)), i == 1, parents[s][i - 1], false,
                        segment[0].substring(0, 3) + "-" + i, setUp, (long) i};
                    rows.row(location ? values : Arrays.copyOf(values, values.length - 1));
                }
            }
        }
        writeLocationAddresses(connection, setUp);
        SplittableRandom random = generation.random("people");
        int employees = (int) Math.max(5, Math.min(200, Math.round(25 * generation.scale)));
        generation.firstEmployeeId = generation.nextEntityId();
        generation.employees = employees;
        try (Inserter rows = new Inserter(connection, "employee", "id,entityid,altname,entitytitle,email,phone,"
                + "isinactive,subsidiary,datecreated,lastmodifieddate,firstname,lastname,title,department,location,hiredate,"
                + "supervisor,currency,approvallimit,expenselimit,purchaseorderapprovallimit,purchaseorderlimit")) {
            for (int i = 0; i < employees; i++) {
                long id = i == 0 ? generation.firstEmployeeId : generation.nextEntityId();
                String first = Mess.pick(random, Mess.FIRST_NAMES);
                String last = Mess.pick(random, Mess.LAST_NAMES);
                rows.row(id, first + " " + last, first + " " + last, first + " " + last,
                        "employee" + id + "@nsbridge-sandbox.example", Mess.phone(random), i % 17 == 16,
                        1L + i % Generation.SUBSIDIARIES, setUp, setUp.plusDays(random.nextInt(400)), first, last,
                        Mess.pick(random, List.of("Sales Rep", "Account Manager", "Controller", "Buyer")),
                        1L + i % Generation.DEPARTMENTS, 1L + i % Generation.LOCATIONS,
                        setUp.toLocalDate().minusDays(random.nextInt(2000)),
                        // Everyone reports to the first employee, who approves the most.
                        i == 0 ? null : generation.firstEmployeeId, Generation.currencyOf(1L + i % Generation.SUBSIDIARIES),
                        money(i == 0 ? 100_000 : 5_000), money(i == 0 ? 25_000 : 2_500), money(i == 0 ? 250_000 : 10_000),
                        money(i == 0 ? 250_000 : 10_000));
            }
        }
        int vendors = (int) Math.max(3, Math.min(300, Math.round(30 * generation.scale)));
        try (Inserter rows = new Inserter(connection, "vendor", "id,entityid,altname,entitytitle,email,phone,"
                + "isinactive,subsidiary,datecreated,lastmodifieddate,companyname,isperson,currency,category");
             Inserter categories = new Inserter(connection, "vendorcategory", "id,name,istaxagency,isinactive,externalid");
             Inserter nexuses = new Inserter(connection, "nexus", "id,country,state,description,taxagency,isinactive")) {
            for (int i = 0; i < VENDOR_CATEGORIES.length; i++) {
                categories.row((long) i + 1, VENDOR_CATEGORIES[i], i == 0, false, null);
            }
            long firstVendor = 0;
            for (int i = 0; i < vendors; i++) {
                long id = generation.nextEntityId();
                firstVendor = i == 0 ? id : firstVendor;
                String name = Mess.pick(random, Mess.COMPANY_WORDS) + " Supply " + (i + 1);
                long subsidiary = 1L + i % Generation.SUBSIDIARIES;
                // The first vendor of each subsidiary is the tax authority its sales tax or VAT is owed to.
                boolean taxAgency = i < Generation.SUBSIDIARIES;
                name = taxAgency ? TAX_AGENCIES[i] : name;
                rows.row(id, "V" + id, name, "V" + id + " " + name, Mess.email(random, "ap", "vendor", id),
                        Mess.phone(random), false, subsidiary, setUp, generation.pastMoment(random), name, false,
                        Generation.currencyOf(subsidiary), taxAgency ? 1L : 2L + i % (VENDOR_CATEGORIES.length - 1));
            }
            // One tax nexus per subsidiary, with the id of the subsidiary, where it collects tax.
            for (int i = 0; i < SUBSIDIARIES.length; i++) {
                String state = i == 0 ? "CA" : i == 4 ? "ON" : null;
                nexuses.row((long) i + 1, SUBSIDIARIES[i][1], state, state == null ? SUBSIDIARIES[i][1]
                        : SUBSIDIARIES[i][1] + " - " + state, firstVendor + i % vendors, false);
            }
        }
        new ItemData(generation).write(connection, setUp);
    }

    private static void writeLocationAddresses(Connection connection, LocalDateTime setUp) throws SQLException {
        String[][] addresses = {{"Portland Warehouse", "2200 NW Front Ave", "Portland", "OR", "97209", "US"},
            {"London DC", "12 Thames Rd", "London", "", "E16 2EZ", "GB"},
            {"Frankfurt DC", "Cargo City Süd 5", "Frankfurt am Main", "", "60549", "DE"},
            {"Osaka Store", "1-2-3 Umeda", "大阪", "", "530-0001", "JP"}};
        try (Inserter rows = new Inserter(connection, "locationmainaddress", "nkey,addressee,addr1,city,state,"
                + "dropdownstate,zip,country,addrtext,recordowner,lastmodifieddate")) {
            for (int i = 0; i < addresses.length; i++) {
                String[] a = addresses[i];
                String state = a[3].isEmpty() ? null : a[3];
                rows.row((long) i + 1, a[0], a[1], a[2], state, state, a[4], a[5],
                        a[0] + "\n" + a[1] + "\n" + a[4] + " " + a[2], (long) i + 1, setUp);
            }
        }
    }

    private void writeDisplayNames(Connection connection) throws SQLException {
        try (Inserter types = new Inserter(connection, "nsdf_trantype", "id,name");
             Inserter statuses = new Inserter(connection, "nsdf_status", "trantype,id,name");
             Inserter subscription = new Inserter(connection, "nsdf_subscription", "id,name");
             Inserter itemTypes = new Inserter(connection, "nsdf_itemtype", "id,name")) {
            for (TransactionStatus status : TransactionStatus.values()) {
                statuses.row(status.type, status.letter, status.displayName);
            }
            for (String[] type : TransactionStatus.TYPES) {
                types.row(type[0], type[1]);
            }
            for (SubscriptionStatus status : SubscriptionStatus.values()) {
                subscription.row(status.id, status.displayName);
            }
            for (String[] type : ITEM_TYPES) {
                itemTypes.row(type[0], type[1]);
            }
        }
    }

    static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
