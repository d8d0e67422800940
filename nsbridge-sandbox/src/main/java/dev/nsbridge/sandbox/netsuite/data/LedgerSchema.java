package dev.nsbridge.sandbox.netsuite.data;

import java.util.List;
import java.util.Map;

/**
 * The general-ledger tables of NetSuite2.com: the chart of accounts, periods and the fiscal calendars they belong to,
 * accounting books, subsidiaries with their currencies and consolidated exchange rates, segments, nexuses and the
 * per-subsidiary relationships of customers and vendors. Column names are those of NetSuite's schema as SuiteQL
 * serves it (captured from live accounts by public SuiteQL taps and warehouse schemas, and the columns the open
 * dbt_netsuite package's NetSuite2 staging models select). A multi-subsidiary {@code subsidiary} (segments, items,
 * accounts) is text in NetSuite, a list of ids; T/F flags are CHAR(1) as everywhere in the sandbox.
 */
final class LedgerSchema {
    /** The accounts an item posts to, beside incomeaccount, and the segments it defaults to on a line. */
    static final String ITEM_POSTING_COLUMNS = "assetaccount BIGINT, expenseaccount BIGINT, gainlossaccount BIGINT, "
            + "deferralaccount BIGINT, deferredrevenueaccount BIGINT, intercoexpenseaccount BIGINT, "
            + "intercoincomeaccount BIGINT, class BIGINT, department BIGINT, location BIGINT";
    /** Header fields a ledger reads: who made it, its tax nexus, reversals and due dates. */
    static final String TRANSACTION_LEDGER_COLUMNS = "transactionnumber VARCHAR(40), createdby BIGINT, "
            + "lastmodifiedby BIGINT, nexus BIGINT, duedate DATE, closedate DATE, intercoadj CHAR(1) DEFAULT 'F', "
            + "isreversal CHAR(1) DEFAULT 'F', reversal BIGINT, reversaldate DATE, reversaldefer CHAR(1) DEFAULT 'F', "
            + "taxdetailsoverride CHAR(1) DEFAULT 'F', taxpointdate DATE, taxpointdateoverride CHAR(1) DEFAULT 'F', "
            + "taxregoverride CHAR(1) DEFAULT 'F'";
    static final String LINE_LEDGER_COLUMNS = "cleared CHAR(1) DEFAULT 'F', commitmentfirm CHAR(1) DEFAULT 'F', "
            + "eliminate CHAR(1) DEFAULT 'F', isbillable CHAR(1) DEFAULT 'F', iscogs CHAR(1) DEFAULT 'F'";
    private static final String ADDRESS = "nkey BIGINT PRIMARY KEY, addressee VARCHAR(200), attention VARCHAR(200), "
            + "addr1 VARCHAR(200), addr2 VARCHAR(200), addr3 VARCHAR(200), city VARCHAR(100), state VARCHAR(60), "
            + "dropdownstate VARCHAR(60), zip VARCHAR(30), country VARCHAR(2), addrphone VARCHAR(100), "
            + "addrtext VARCHAR(1000), recordowner BIGINT, lastmodifieddate TIMESTAMP";

    private LedgerSchema() {
    }

    static void addReferenceTables(Map<String, String> tables) {
        tables.put("subsidiary", "id BIGINT PRIMARY KEY, name VARCHAR(100), fullname VARCHAR(200), parent BIGINT, "
                + "country VARCHAR(2), state VARCHAR(60), currency BIGINT, fiscalcalendar BIGINT, mainaddress BIGINT, "
                + "email VARCHAR(300), iselimination CHAR(1), isinactive CHAR(1), lastmodifieddate TIMESTAMP");
        tables.put("subsidiarymainaddress", ADDRESS);
        tables.put("currency", "id BIGINT PRIMARY KEY, name VARCHAR(60), symbol VARCHAR(3), displaysymbol VARCHAR(8), "
                + "exchangerate DECIMAL(20,8), isbasecurrency CHAR(1), isinactive CHAR(1), currencyprecision BIGINT, "
                + "symbolplacement BIGINT, overridecurrencyformat CHAR(1), includeinfxrateupdates CHAR(1), "
                + "fxrateupdatetimezone BIGINT, externalid VARCHAR(100), lastmodifieddate TIMESTAMP");
        tables.put("consolidatedexchangerate", "id BIGINT PRIMARY KEY, postingperiod BIGINT, fromsubsidiary BIGINT, "
                + "tosubsidiary BIGINT, fromcurrency BIGINT, tocurrency BIGINT, accountingbook BIGINT, "
                + "currentrate DECIMAL(30,15), averagerate DECIMAL(30,15), historicalrate DECIMAL(30,15), "
                + "isderived CHAR(1), isperiodclosed CHAR(1)");
        tables.put("fiscalcalendar", "id BIGINT PRIMARY KEY, name VARCHAR(100), fiscalmonth VARCHAR(20), "
                + "isdefault CHAR(1), externalid VARCHAR(100)");
        tables.put("accountingperiod", "id BIGINT PRIMARY KEY, periodname VARCHAR(60), startdate DATE, enddate DATE, "
                + "isyear CHAR(1), isquarter CHAR(1), isposting CHAR(1), closed CHAR(1), isadjust CHAR(1), parent BIGINT, "
                + "isinactive CHAR(1), closedondate DATE, alllocked CHAR(1), aplocked CHAR(1), arlocked CHAR(1), "
                + "allownonglchanges CHAR(1), lastmodifieddate TIMESTAMP");
        tables.put("accountingperiodfiscalcalendars", "accountingperiod BIGINT NOT NULL, fiscalcalendar BIGINT NOT NULL, "
                + "fullname VARCHAR(200), parent BIGINT, PRIMARY KEY (accountingperiod, fiscalcalendar)");
        tables.put("accountingbook", "id BIGINT PRIMARY KEY, name VARCHAR(100), isprimary CHAR(1), "
                + "isconsolidated CHAR(1), isadjustmentonly CHAR(1), basebook BIGINT, effectiveperiod BIGINT, "
                + "subsidiariesstring VARCHAR(1000), contingentrevenuehandling CHAR(1), twosteprevenueallocation CHAR(1), "
                + "unbilledreceivablegrouping CHAR(1), externalid VARCHAR(100), status VARCHAR(20), "
                + "lastmodifieddate TIMESTAMP");
        tables.put("accountingbooksubsidiaries", "accountingbook BIGINT, subsidiary BIGINT, status VARCHAR(20), "
                + "isprimary CHAR(1), PRIMARY KEY (accountingbook, subsidiary)");
        tables.put("accounttype", "id VARCHAR(20) PRIMARY KEY, longname VARCHAR(60), balancesheet CHAR(1), "
                + "\"LEFT\" CHAR(1), usercanchangerevaloption CHAR(1), includeinrevaldefault CHAR(1), "
                + "defaultgeneralratetype VARCHAR(20), defaultcashflowratetype VARCHAR(20), eliminationalgo VARCHAR(20), "
                + "internalid BIGINT, seqnum BIGINT");
        tables.put("account", "id BIGINT PRIMARY KEY, acctnumber VARCHAR(20), accountsearchdisplayname VARCHAR(200), "
                + "accountsearchdisplaynamecopy VARCHAR(200), fullname VARCHAR(200), description VARCHAR(500), "
                + "accttype VARCHAR(20), currency BIGINT, subsidiary VARCHAR(200), includechildren CHAR(1), "
                + "isinactive CHAR(1), issummary CHAR(1), parent BIGINT, generalrate VARCHAR(20), "
                + "cashflowrate VARCHAR(20), eliminate CHAR(1), sspecacct VARCHAR(40), deferralacct BIGINT, "
                + "class BIGINT, department BIGINT, location BIGINT, externalid VARCHAR(100), lastmodifieddate TIMESTAMP");
        for (String name : List.of("location", "department", "classification")) {
            tables.put(name, "id BIGINT PRIMARY KEY, name VARCHAR(100), fullname VARCHAR(200), subsidiary VARCHAR(200), "
                    + "includechildren CHAR(1), parent BIGINT, isinactive CHAR(1), externalid VARCHAR(100), "
                    + (name.equals("location") ? "mainaddress BIGINT, " : "") + "lastmodifieddate TIMESTAMP");
        }
        tables.put("locationmainaddress", ADDRESS);
        tables.put("nexus", "id BIGINT PRIMARY KEY, country VARCHAR(2), state VARCHAR(60), description VARCHAR(200), "
                + "taxagency BIGINT, isinactive CHAR(1)");
        tables.put("vendorcategory", "id BIGINT PRIMARY KEY, name VARCHAR(100), istaxagency CHAR(1), "
                + "isinactive CHAR(1), externalid VARCHAR(100)");
        tables.put("customersubsidiaryrelationship", "id BIGINT PRIMARY KEY, entity BIGINT, subsidiary BIGINT, "
                + "name VARCHAR(300), isprimarysub CHAR(1), primarycurrency BIGINT, balance DECIMAL(20,2), "
                + "depositbalance DECIMAL(20,2), unbilledorders DECIMAL(20,2), externalid VARCHAR(100), "
                + "lastmodifieddate TIMESTAMP");
        tables.put("vendorsubsidiaryrelationship", "id BIGINT PRIMARY KEY, entity BIGINT, subsidiary BIGINT, "
                + "name VARCHAR(300), isprimarysub CHAR(1), primarycurrency BIGINT, balance DECIMAL(20,2), "
                + "balancebase DECIMAL(20,2), balancecurrency DECIMAL(20,2), creditlimit DECIMAL(20,2), "
                + "prepaymentbalance DECIMAL(20,2), prepaymentbalancebase DECIMAL(20,2), unbilledorders DECIMAL(20,2), "
                + "unbilledordersbase DECIMAL(20,2), externalid VARCHAR(100), lastmodifieddate TIMESTAMP");
    }
}
