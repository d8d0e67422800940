package dev.nsbridge.sandbox.netsuite.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The books: subsidiaries under one parent, their currencies, the fiscal calendar, the primary accounting book, the
 * chart of accounts, the accounting periods and the consolidated exchange rates that translate each child
 * subsidiary's amounts into the parent's currency period by period.
 */
final class LedgerData {
    /** The parent subsidiary: it has no parent, and every other subsidiary's amounts consolidate into it. */
    static final long TOP_SUBSIDIARY = 1;
    static final long PRIMARY_BOOK = 1;
    static final long STANDARD_CALENDAR = 1;
    /** The calendar of the Japanese subsidiary, whose fiscal year runs from April to March. */
    static final long APRIL_CALENDAR = 2;
    private static final long JAPAN = 4;
    /**
     * Account ids used by transactions: 1 bank, 2 receivables, 3 income, 4 refunds, 5 COGS, 6 inventory, 7 tax;
     * bills and journals use 8 payables, 9 expenses and 13 accruals.
     */
    static final String[][] ACCOUNTS = {{"1000", "Checking", "Bank"}, {"1100", "Accounts Receivable", "AcctRec"},
        {"4000", "Sales", "Income"}, {"4100", "Sales Returns", "Income"}, {"5000", "Cost of Goods Sold", "COGS"},
        {"1300", "Inventory Asset", "OthCurrAsset"}, {"2200", "Sales Tax Payable", "OthCurrLiab"},
        {"2000", "Accounts Payable", "AcctPay"}, {"6000", "Operating Expenses", "Expense"},
        {"3000", "Retained Earnings", "Equity"}, {"2500", "Deferred Revenue", "DeferRevenue"},
        {"8000", "Exchange Gain/Loss", "OthExpense"}, {"2100", "Accrued Liabilities", "OthCurrLiab"}};
    /** Each account's parent account (null: top level), as a chart of accounts nests sub-accounts: returns under sales. */
    static final Long[] ACCOUNT_PARENTS = {null, null, null, 3L, null, null, null, null, null, null, null, null, null};
    static final long SALES_TAX = 7;
    static final long ACCOUNTS_PAYABLE = 8;
    static final long OPERATING_EXPENSES = 9;
    static final long ACCRUED_LIABILITIES = 13;
    private static final String[][] SUBSIDIARY_ADDRESSES = {{"500 Market St", "San Francisco", "CA", "94105"},
        {"1 Canada Square", "London", "", "E14 5AB"}, {"Friedrichstraße 68", "Berlin", "", "10117"},
        {"1-1 Marunouchi", "東京", "", "100-0005"}, {"100 King St W", "Toronto", "ON", "M5X 1A9"}};

    private final Generation generation;

    LedgerData(Generation generation) {
        this.generation = generation;
    }

    void write(Connection connection, LocalDateTime setUp) throws SQLException {
        writeSubsidiaries(connection, setUp);
        writeBooks(connection, setUp);
        writeAccounts(connection, setUp);
        new LedgerPeriods(generation).write(connection);
    }

    private void writeSubsidiaries(Connection connection, LocalDateTime setUp) throws SQLException {
        String[][] subsidiaries = ReferenceData.SUBSIDIARIES;
        String[][] currencies = ReferenceData.CURRENCIES;
        try (Inserter subsidiary = new Inserter(connection, "subsidiary", "id,name,fullname,parent,country,state,"
                + "currency,fiscalcalendar,mainaddress,email,iselimination,isinactive,lastmodifieddate");
             Inserter address = new Inserter(connection, "subsidiarymainaddress", "nkey,addressee,addr1,city,state,"
                     + "dropdownstate,zip,country,addrtext,recordowner,lastmodifieddate");
             Inserter currency = new Inserter(connection, "currency", "id,name,symbol,displaysymbol,exchangerate,"
                     + "isbasecurrency,isinactive,currencyprecision,symbolplacement,overridecurrencyformat,"
                     + "includeinfxrateupdates,fxrateupdatetimezone,externalid,lastmodifieddate");
             Inserter calendar = new Inserter(connection, "fiscalcalendar", "id,name,fiscalmonth,isdefault,externalid")) {
            calendar.row(STANDARD_CALENDAR, "Standard Fiscal Calendar", "January", true, null);
            calendar.row(APRIL_CALENDAR, "April Fiscal Calendar", "April", false, null);
            for (int i = 0; i < subsidiaries.length; i++) {
                long id = i + 1;
                String[] street = SUBSIDIARY_ADDRESSES[i];
                String state = street[2].isEmpty() ? null : street[2];
                subsidiary.row(id, subsidiaries[i][0], i == 0 ? subsidiaries[0][0] : subsidiaries[0][0] + " : "
                        + subsidiaries[i][0], i == 0 ? null : TOP_SUBSIDIARY, subsidiaries[i][1], state, id,
                        id == JAPAN ? APRIL_CALENDAR : STANDARD_CALENDAR, id,
                        "finance" + id + "@nsbridge-sandbox.example", false, false, setUp);
                address.row(id, subsidiaries[i][0], street[0], street[1], state, state, street[3], subsidiaries[i][1],
                        subsidiaries[i][0] + "\n" + street[0] + "\n" + street[3] + " " + street[1], id, setUp);
                // The yen has no minor unit; every other currency here has two decimals.
                currency.row(id, currencies[i][0], currencies[i][1], currencies[i][2], new BigDecimal(currencies[i][3]),
                        i == 0, false, currencies[i][1].equals("JPY") ? 0L : 2L, 1L, false, i != 0, null, null, setUp);
            }
        }
    }

    private void writeBooks(Connection connection, LocalDateTime setUp) throws SQLException {
        StringBuilder names = new StringBuilder();
        try (Inserter books = new Inserter(connection, "accountingbooksubsidiaries",
                "accountingbook,subsidiary,status,isprimary")) {
            for (int i = 0; i < ReferenceData.SUBSIDIARIES.length; i++) {
                books.row(PRIMARY_BOOK, (long) i + 1, "ACTIVE", true);
                names.append(i == 0 ? "" : ", ").append(ReferenceData.SUBSIDIARIES[i][0]);
            }
        }
        try (Inserter book = new Inserter(connection, "accountingbook", "id,name,isprimary,isconsolidated,"
                + "isadjustmentonly,basebook,effectiveperiod,subsidiariesstring,contingentrevenuehandling,"
                + "twosteprevenueallocation,unbilledreceivablegrouping,externalid,status,lastmodifieddate")) {
            book.row(PRIMARY_BOOK, "Primary Accounting Book", true, true, false, null, null, names.toString(), false,
                    false, false, null, "ACTIVE", setUp);
        }
    }

    private void writeAccounts(Connection connection, LocalDateTime setUp) throws SQLException {
        try (Inserter types = new Inserter(connection, "accounttype", "id,longname,balancesheet,\"LEFT\","
                + "usercanchangerevaloption,includeinrevaldefault,defaultgeneralratetype,defaultcashflowratetype,"
                + "eliminationalgo,internalid,seqnum");
             Inserter accounts = new Inserter(connection, "account", "id,acctnumber,accountsearchdisplayname,"
                     + "accountsearchdisplaynamecopy,fullname,description,accttype,currency,subsidiary,includechildren,"
                     + "isinactive,issummary,parent,generalrate,cashflowrate,eliminate,sspecacct,deferralacct,class,"
                     + "department,location,externalid,lastmodifieddate")) {
            // The flags: balance sheet, then "left" (the balance is on the debit side: assets and expenses).
            String[][] accountTypes = {{"Bank", "Bank", "T", "T"}, {"AcctRec", "Accounts Receivable", "T", "T"},
                {"OthCurrAsset", "Other Current Asset", "T", "T"}, {"OthCurrLiab", "Other Current Liability", "T", "F"},
                {"Income", "Income", "F", "F"}, {"COGS", "Cost of Goods Sold", "F", "T"}, {"Expense", "Expense", "F", "T"},
                {"AcctPay", "Accounts Payable", "T", "F"}, {"Equity", "Equity", "T", "F"},
                {"DeferRevenue", "Deferred Revenue", "T", "F"}, {"OthExpense", "Other Expense", "F", "T"}};
            for (int i = 0; i < accountTypes.length; i++) {
                String rate = generalRate(accountTypes[i][0], accountTypes[i][2].equals("T"));
                types.row(accountTypes[i][0], accountTypes[i][1], accountTypes[i][2], accountTypes[i][3],
                        accountTypes[i][2], accountTypes[i][2].equals("T") && !accountTypes[i][0].equals("Equity"),
                        rate, rate, "NONE", (long) i + 1, (long) i + 1);
            }
            for (int i = 0; i < ACCOUNTS.length; i++) {
                String[] account = ACCOUNTS[i];
                boolean balanceSheet = !account[2].equals("Income") && !account[2].equals("COGS")
                        && !account[2].equals("Expense") && !account[2].equals("OthExpense");
                String rate = generalRate(account[2], balanceSheet);
                accounts.row((long) i + 1, account[0], account[0] + " " + account[1], account[0] + " " + account[1],
                        account[1], account[1] + " (" + account[2] + ")", account[2], 1L, String.valueOf(TOP_SUBSIDIARY),
                        true, false, false, ACCOUNT_PARENTS[i], rate, rate, false, null,
                        account[2].equals("Income") ? 11L : null, null, null, null, null, setUp);
            }
        }
    }

    /**
     * Which consolidated rate translates an account's balance: the period-end (current) rate for the balance sheet,
     * the period's average for income and expenses, the historical rate for equity, as NetSuite's defaults are.
     * Oracle's help spells the values with a capital (Current, Average, Historical); models compare them lower-cased.
     */
    private static String generalRate(String type, boolean balanceSheet) {
        return type.equals("Equity") ? "HISTORICAL" : balanceSheet ? "CURRENT" : "AVERAGE";
    }

    static String monthName(LocalDate month) {
        return month.getMonth().getDisplayName(TextStyle.SHORT, Locale.US) + " " + month.getYear();
    }

    /** A rate drifting a few percent around the subsidiary's usual one, the same for a given seed and period. */
    static BigDecimal drift(SplittableRandom random, BigDecimal rate, double spread) {
        return rate.multiply(BigDecimal.valueOf(1 + (random.nextDouble() * 2 - 1) * spread))
                .setScale(12, RoundingMode.HALF_UP);
    }
}
