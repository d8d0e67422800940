package dev.nsbridge.sandbox.netsuite.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Subsidiaries, currencies, the chart of accounts, periods, segments, employees, vendors, items and DF names. */
final class ReferenceData {
    static final String[][] SUBSIDIARIES = {{"Parent Company", "US"}, {"UK Ltd", "GB"}, {"Deutschland GmbH", "DE"},
        {"日本 KK", "JP"}, {"Canada Inc.", "CA"}};
    static final String[][] CURRENCIES = {{"USA", "USD", "$", "1"}, {"British pound", "GBP", "£", "1.2684"},
        {"Euro", "EUR", "€", "1.0823"}, {"Japanese yen", "JPY", "¥", "0.0066821"}, {"Canadian Dollar", "CAD", "$", "0.7312"}};
    /** Account ids used by transactions: 1 bank, 2 receivables, 3 income, 4 refunds, 5 COGS, 6 inventory, 7 tax. */
    static final String[][] ACCOUNTS = {{"1000", "Checking", "Bank"}, {"1100", "Accounts Receivable", "AcctRec"},
        {"4000", "Sales", "Income"}, {"4100", "Sales Returns", "Income"}, {"5000", "Cost of Goods Sold", "COGS"},
        {"1300", "Inventory Asset", "OthCurrAsset"}, {"2200", "Sales Tax Payable", "OthCurrLiab"}};
    /** Each account's parent account (null: top level), as a chart of accounts nests sub-accounts: returns under sales. */
    static final Long[] ACCOUNT_PARENTS = {null, null, null, 3L, null, null, null};
    static final String[][] ITEM_TYPES = {{"InvtPart", "Inventory Item"}, {"NonInvtPart", "Non-inventory Item"},
        {"Service", "Service"}, {"Kit", "Kit/Package"}, {"Assembly", "Assembly"}};

    private final Generation generation;

    ReferenceData(Generation generation) {
        this.generation = generation;
    }

    void write(Connection connection) throws SQLException {
        LocalDateTime setUp = generation.now.minusDays(Generation.HISTORY_DAYS + 30L);
        try (Inserter subsidiary = new Inserter(connection, "subsidiary",
                "id,name,fullname,parent,country,currency,iselimination,isinactive,lastmodifieddate");
             Inserter currency = new Inserter(connection, "currency",
                     "id,name,symbol,displaysymbol,exchangerate,isbasecurrency,isinactive,lastmodifieddate");
             Inserter books = new Inserter(connection, "accountingbooksubsidiaries",
                     "accountingbook,subsidiary,status,isprimary")) {
            for (int i = 0; i < SUBSIDIARIES.length; i++) {
                long id = i + 1;
                subsidiary.row(id, SUBSIDIARIES[i][0], i == 0 ? SUBSIDIARIES[0][0] : SUBSIDIARIES[0][0] + " : "
                        + SUBSIDIARIES[i][0], i == 0 ? null : 1L, SUBSIDIARIES[i][1], id, false, false, setUp);
                currency.row(id, CURRENCIES[i][0], CURRENCIES[i][1], CURRENCIES[i][2], new BigDecimal(CURRENCIES[i][3]),
                        i == 0, false, setUp);
                books.row(1L, id, "ACTIVE", true);
            }
        }
        writeAccounts(connection, setUp);
        writePeriods(connection);
        writeSegments(connection, setUp);
        writeDisplayNames(connection);
    }

    private void writeAccounts(Connection connection, LocalDateTime setUp) throws SQLException {
        try (Inserter types = new Inserter(connection, "accounttype",
                "id,longname,balancesheet,\"LEFT\",usercanchange,eliminationalgo,seqnum");
             Inserter accounts = new Inserter(connection, "account",
                     "id,acctnumber,accountsearchdisplayname,fullname,accttype,currency,isinactive,issummary,"
                             + "parent,lastmodifieddate")) {
            // The last flag is "left": whether the type's balance is on the left (debit) side, so assets and expenses.
            String[][] accountTypes = {{"Bank", "Bank", "T", "T"}, {"AcctRec", "Accounts Receivable", "T", "T"},
                {"OthCurrAsset", "Other Current Asset", "T", "T"}, {"OthCurrLiab", "Other Current Liability", "T", "F"},
                {"Income", "Income", "F", "F"}, {"COGS", "Cost of Goods Sold", "F", "T"}, {"Expense", "Expense", "F", "T"}};
            for (int i = 0; i < accountTypes.length; i++) {
                types.row(accountTypes[i][0], accountTypes[i][1], accountTypes[i][2], accountTypes[i][3], "T", "NONE",
                        (long) i + 1);
            }
            for (int i = 0; i < ACCOUNTS.length; i++) {
                accounts.row((long) i + 1, ACCOUNTS[i][0], ACCOUNTS[i][0] + " " + ACCOUNTS[i][1], ACCOUNTS[i][1],
                        ACCOUNTS[i][2], 1L, false, false, ACCOUNT_PARENTS[i], setUp);
            }
        }
    }

    private void writePeriods(Connection connection) throws SQLException {
        LocalDate first = generation.now.toLocalDate().minusDays(Generation.HISTORY_DAYS + 31L).withDayOfYear(1);
        try (Inserter periods = new Inserter(connection, "accountingperiod",
                "id,periodname,startdate,enddate,isyear,isquarter,isposting,closed,isadjust,parent,lastmodifieddate")) {
            for (int year = first.getYear(); year <= generation.now.getYear() + 1; year++) {
                LocalDate start = LocalDate.of(year, 1, 1);
                periods.row(periodId(start) - start.getMonthValue(), "FY " + year, start, start.withDayOfYear(
                        start.lengthOfYear()), true, false, false, year < generation.now.getYear(), false, null,
                        start.atStartOfDay());
                for (int month = 1; month <= 12; month++) {
                    LocalDate monthStart = LocalDate.of(year, month, 1);
                    periods.row(periodId(monthStart), monthStart.getMonth().getDisplayName(TextStyle.SHORT, Locale.US)
                                    + " " + year, monthStart, monthStart.withDayOfMonth(monthStart.lengthOfMonth()),
                            false, false, true, monthStart.plusMonths(2).isBefore(generation.now.toLocalDate()), false,
                            periodId(start) - 1, monthStart.atStartOfDay());
                }
            }
        }
    }

    /** Period ids are derived from the date so transactions can find theirs without a lookup. */
    static long periodId(LocalDate date) {
        return (date.getYear() - 2000L) * 13 + date.getMonthValue();
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
            try (Inserter rows = new Inserter(connection, segment[0],
                    "id,name,fullname,subsidiary,parent,isinactive,lastmodifieddate")) {
                for (int i = 1; i < segment.length; i++) {
                    rows.row((long) i, segment[i], segment[i], (long) Math.min(i, Generation.SUBSIDIARIES),
                            parents[s][i - 1], false, setUp);
                }
            }
        }
        SplittableRandom random = generation.random("people");
        int employees = (int) Math.max(5, Math.min(200, Math.round(25 * generation.scale)));
        generation.firstEmployeeId = generation.nextEntityId();
        generation.employees = employees;
        try (Inserter rows = new Inserter(connection, "employee", "id,entityid,altname,entitytitle,email,phone,"
                + "isinactive,subsidiary,datecreated,lastmodifieddate,firstname,lastname,title,department,location,hiredate")) {
            for (int i = 0; i < employees; i++) {
                long id = i == 0 ? generation.firstEmployeeId : generation.nextEntityId();
                String first = Mess.pick(random, Mess.FIRST_NAMES);
                String last = Mess.pick(random, Mess.LAST_NAMES);
                rows.row(id, first + " " + last, first + " " + last, first + " " + last,
                        "employee" + id + "@nsbridge-sandbox.example", Mess.phone(random), i % 17 == 16,
                        1L + i % Generation.SUBSIDIARIES, setUp, setUp.plusDays(random.nextInt(400)), first, last,
                        Mess.pick(random, List.of("Sales Rep", "Account Manager", "Controller", "Buyer")),
                        1L + i % Generation.DEPARTMENTS, 1L + i % Generation.LOCATIONS, setUp.toLocalDate().minusDays(random.nextInt(2000)));
            }
        }
        int vendors = (int) Math.max(3, Math.min(300, Math.round(30 * generation.scale)));
        try (Inserter rows = new Inserter(connection, "vendor", "id,entityid,altname,entitytitle,email,phone,"
                + "isinactive,subsidiary,datecreated,lastmodifieddate,companyname,isperson,currency")) {
            for (int i = 0; i < vendors; i++) {
                long id = generation.nextEntityId();
                String name = Mess.pick(random, Mess.COMPANY_WORDS) + " Supply " + (i + 1);
                long subsidiary = 1L + i % Generation.SUBSIDIARIES;
                rows.row(id, "V" + id, name, "V" + id + " " + name, Mess.email(random, "ap", "vendor", id),
                        Mess.phone(random), false, subsidiary, setUp, generation.pastMoment(random), name, false,
                        Generation.currencyOf(subsidiary));
            }
        }
        new ItemData(generation).write(connection, setUp);
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
