package dev.nsbridge.netsuite.catalog;

import static dev.nsbridge.netsuite.catalog.ColumnSpecs.table;
import static dev.nsbridge.netsuite.catalog.ColumnSpecs.unstamped;

import dev.nsbridge.spi.stream.StreamDescriptor;
import java.util.List;

/**
 * The tables a general ledger is read with beside the transactions: the chart of accounts, periods and their fiscal
 * calendars, accounting books, subsidiaries, currencies and consolidated rates, segments, nexuses and the
 * per-subsidiary relationships of customers and vendors. Their columns are those NetSuite2.com serves through SuiteQL
 * that the open dbt_netsuite package's NetSuite2 staging models select, plus the ones nsbridge listed before.
 *
 * <p>Keys and change dates, as schemas captured from live accounts (public SuiteQL taps, landed warehouse schemas)
 * show them: a table with {@code lastmodifieddate} is read incrementally on it; one without (accounttype, fiscal
 * calendars, exchange rates, nexuses, vendor categories, the two link tables) is small and read in full each run,
 * which is also how its deleted rows are seen. The link tables have no id of their own: a period is in several fiscal
 * calendars and a book covers several subsidiaries, so their keys are the pairs.
 */
final class LedgerTables {
    static final List<StreamDescriptor> TABLES = List.of(
            table("subsidiary", "id", "lastmodifieddate", "name:s parent:i currency:i isinactive:b fullname:s"
                    + " country:s state:s email:s fiscalcalendar:i iselimination:b mainaddress:i"),
            table("currency", "id", "lastmodifieddate", "name:s symbol:s isbasecurrency:b exchangerate:n"
                    + " isinactive:b displaysymbol:s currencyprecision:i symbolplacement:i overridecurrencyformat:b"
                    + " includeinfxrateupdates:b fxrateupdatetimezone:i externalid:s"),
            table("account", "id", "lastmodifieddate", "acctnumber:s accountsearchdisplayname:s accttype:s"
                    + " parent:i isinactive:b accountsearchdisplaynamecopy:s fullname:s description:s externalid:s"
                    + " currency:i class:i department:i location:i deferralacct:i generalrate:s cashflowrate:s"
                    + " eliminate:b includechildren:b issummary:b sspecacct:s"),
            table("accountingperiod", "id", "lastmodifieddate", "periodname:s startdate:d enddate:d isquarter:b"
                    + " isyear:b closed:b parent:i isposting:b isadjust:b isinactive:b closedondate:d alllocked:b"
                    + " aplocked:b arlocked:b allownonglchanges:b"),
            table("location", "id", "lastmodifieddate", "name:s parent:i subsidiary:s isinactive:b fullname:s"
                    + " mainaddress:i"),
            table("department", "id", "lastmodifieddate", "name:s parent:i subsidiary:s isinactive:b fullname:s"),
            table("classification", "id", "lastmodifieddate", "name:s parent:i subsidiary:s isinactive:b"
                    + " fullname:s externalid:s"),
            // NetSuite's accounttype has no usage column (its columns: id, balancesheet, defaultcashflowratetype,
            // defaultgeneralratetype, eliminationalgo, includeinrevaldefault, internalid, left, longname, seqnum,
            // usercanchangerevaloption). Its id is a code such as Bank, which account.accttype holds.
            unstamped("accounttype", List.of("id"), "id:s longname:s balancesheet:b left:b"),
            unstamped("accountingbooksubsidiaries", List.of("accountingbook", "subsidiary"),
                    "accountingbook:i subsidiary:i status:s"),
            table("accountingbook", "id", "lastmodifieddate", "name:s isprimary:b isconsolidated:b"
                    + " isadjustmentonly:b basebook:i effectiveperiod:i subsidiariesstring:s"
                    + " contingentrevenuehandling:b twosteprevenueallocation:b unbilledreceivablegrouping:b"
                    + " externalid:s"),
            // One row per period per calendar: with Multiple Calendars a period's parent lives here, not on the
            // period.
            unstamped("accountingperiodfiscalcalendars", List.of("accountingperiod", "fiscalcalendar"),
                    "accountingperiod:i fiscalcalendar:i fullname:s parent:i"),
            unstamped("fiscalcalendar", List.of("id"), "id:i name:s fiscalmonth:s isdefault:b externalid:s"),
            // NetSuite creates and deletes these rates itself when subsidiaries or books come and go, and lists
            // neither in deletedrecord: a full read each run is the only way to see a rate go.
            unstamped("consolidatedexchangerate", List.of("id"), "id:i postingperiod:i fromsubsidiary:i"
                    + " tosubsidiary:i fromcurrency:i tocurrency:i accountingbook:i currentrate:n averagerate:n"
                    + " historicalrate:n"),
            table("locationmainaddress", "nkey", "lastmodifieddate", "addressee:s addr1:s addr2:s addr3:s city:s"
                    + " state:s dropdownstate:s zip:s country:s addrtext:s recordowner:i"),
            unstamped("nexus", List.of("id"), "id:i country:s state:s description:s taxagency:i"),
            unstamped("vendorcategory", List.of("id"), "id:i name:s"),
            table("customersubsidiaryrelationship", "id", "lastmodifieddate", "entity:i subsidiary:i name:s"
                    + " isprimarysub:b primarycurrency:i balance:n depositbalance:n unbilledorders:n externalid:s"),
            table("vendorsubsidiaryrelationship", "id", "lastmodifieddate", "entity:i subsidiary:i name:s"
                    + " isprimarysub:b primarycurrency:i balance:n balancebase:n balancecurrency:n creditlimit:n"
                    + " prepaymentbalance:n prepaymentbalancebase:n unbilledorders:n unbilledordersbase:n"
                    + " externalid:s"));

    private LedgerTables() {
    }
}
