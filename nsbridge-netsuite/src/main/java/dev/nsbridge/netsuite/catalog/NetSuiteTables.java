package dev.nsbridge.netsuite.catalog;

import static dev.nsbridge.netsuite.catalog.ColumnSpecs.parse;
import static dev.nsbridge.netsuite.catalog.ColumnSpecs.table;

import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The NetSuite2.com tables nsbridge lists, with their standard columns, primary keys and incremental keys: the
 * records (entities, transactions and their lines, items, deletions, the audit trail) and the tables a general
 * ledger is read with ({@link LedgerTables}). Custom fields differ per account and are added by
 * {@link NetSuiteCatalog}.
 */
public final class NetSuiteTables {
    private static final List<StreamDescriptor> RECORDS = List.of(
            table("customer", "id", "lastmodifieddate", "entityid:s externalid:s companyname:s firstname:s lastname:s"
                    + " email:s phone:s isperson:b subsidiary:i currency:i defaultbillingaddress:i"
                    + " defaultshippingaddress:i globalsubscriptionstatus:i datecreated:t altname:s comments:s url:s"
                    + " isinactive:b parent:i receivablesaccount:i firstorderdate:d"),
            table("contact", "id", "lastmodifieddate", "entityid:s externalid:s firstname:s lastname:s email:s phone:s"
                    + " company:i subsidiary:i globalsubscriptionstatus:i isinactive:b datecreated:t"),
            // expenselimit is text in the staging models a ledger is usually read with (its siblings are decimals):
            // it is kept as text so that it lands in the type they declare.
            table("employee", "id", "lastmodifieddate", "entityid:s externalid:s firstname:s lastname:s email:s"
                    + " subsidiary:i department:i location:i isinactive:b datecreated:t supervisor:i currency:i"
                    + " approvallimit:n expenselimit:s purchaseorderapprovallimit:n purchaseorderlimit:n"),
            table("vendor", "id", "lastmodifieddate", "entityid:s externalid:s companyname:s email:s phone:s"
                    + " subsidiary:i currency:i isinactive:b datecreated:t altname:s category:i"),
            table("job", "id", "lastmodifieddate", "entityid:s externalid:s customer:i parent:i"
                    + " defaultbillingaddress:i defaultshippingaddress:i"),
            // An entity row points at its record in the table of its kind (customer, contact, employee, vendor, job).
            table("entity", "id", "lastmodifieddate", "entityid:s externalid:s entitytitle:s email:s phone:s type:s"
                    + " isinactive:b datecreated:t isperson:b parent:i customer:i contact:i employee:i vendor:i"
                    + " project:i"),
            table("entityaddress", "nkey", "lastmodifieddate", "addressee:s addr1:s addr2:s addr3:s city:s state:s"
                    + " dropdownstate:s zip:s country:s addrtext:s recordowner:i"),
            table("transaction", "id", "lastmodifieddate", "tranid:s trandate:d type:s status:s entity:i subsidiary:i"
                    + " currency:i exchangerate:n foreigntotal:n memo:s createddate:t shipdate:d postingperiod:i posting:b"
                    + " transactionnumber:s createdby:i lastmodifiedby:i nexus:i duedate:d closedate:d intercoadj:b"
                    + " isreversal:b reversal:i reversaldate:d reversaldefer:b taxdetailsoverride:b taxpointdate:d"
                    + " taxpointdateoverride:b taxregoverride:b"),
            new StreamDescriptor("transactionline", parse("transaction:i id:i linelastmodifieddate:t mainline:b"
                    + " taxline:b item:i quantity:n rate:n netamount:n foreignamount:n memo:s isclosed:b subsidiary:i"
                    + " linesequencenumber:i entity:i location:i department:i class:i cleared:b commitmentfirm:b"
                    + " eliminate:b isbillable:b iscogs:b"),
                    List.of("transaction", "id"), Optional.of("linelastmodifieddate")),
            // lastmodifieddate exists only since 2023.1; older rows have none, so a full reload finds them.
            new StreamDescriptor("transactionaccountingline", parse("transaction:i transactionline:i"
                    + " accountingbook:i account:i amount:n debit:n credit:n netamount:n posting:b"
                    + " lastmodifieddate:t amountlinked:n amountpaid:n amountunpaid:n exchangerate:n"),
                    List.of("transaction", "transactionline", "accountingbook"), Optional.of("lastmodifieddate")),
            table("item", "id", "lastmodifieddate", "itemid:s displayname:s itemtype:s description:s baseprice:n"
                    + " isinactive:b fullname:s subsidiary:s parent:i class:i department:i location:i incomeaccount:i"
                    + " assetaccount:i expenseaccount:i gainlossaccount:i deferralaccount:i deferredrevenueaccount:i"
                    + " intercoexpenseaccount:i intercoincomeaccount:i"),
            new StreamDescriptor("deletedrecord", parse("recordid:i type:s deleteddate:t recordtypeid:s name:s"
                    + " context:s deletedby:i iscustomrecord:b iscustomlist:b"), List.of("recordid", "type"),
                    Optional.of("deleteddate")),
            new StreamDescriptor("systemnote", parse("id:i date:t recordid:i recordtypeid:s field:s oldvalue:s"
                    + " newvalue:s name:i context:s type:s"), List.of("id"), Optional.of("date")));
    private static final List<StreamDescriptor> TABLES = Stream.concat(RECORDS.stream(), LedgerTables.TABLES.stream())
            .toList();

    /**
     * The prefix of the custom fields each table carries, and the records whose schema lists them. The entity table
     * carries none: SuiteQL serves custentity fields on customer, contact, employee and vendor, not on entity.
     */
    static final Map<String, CustomFieldSource> CUSTOM_FIELDS = Map.of(
            "customer", new CustomFieldSource("custentity", List.of("customer")),
            "contact", new CustomFieldSource("custentity", List.of("contact")),
            "employee", new CustomFieldSource("custentity", List.of("employee")),
            "vendor", new CustomFieldSource("custentity", List.of("vendor")),
            "transaction", new CustomFieldSource("custbody", List.of("salesorder", "invoice")),
            "transactionline", new CustomFieldSource("custcol", List.of("salesorder", "invoice")),
            "item", new CustomFieldSource("custitem", List.of("inventoryitem")));

    private NetSuiteTables() {
    }

    public static List<StreamDescriptor> all() {
        return TABLES;
    }

    public static Optional<StreamDescriptor> named(String name) {
        return TABLES.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * Whether {@code name} is a custom record type's table: SuiteQL names it by the type's script id, which NetSuite
     * always starts with {@code customrecord}.
     */
    public static boolean isCustomRecord(String name) {
        return name != null && name.toLowerCase(Locale.ROOT).matches("customrecord[a-z0-9_]{1,100}");
    }

    /**
     * A custom record type's table: the standard fields every custom record has in SuiteQL (its incremental key is
     * {@code lastmodified}, not the standard records' lastmodifieddate) and its own custrecord fields.
     */
    public static StreamDescriptor customRecord(String scriptId, List<Column> customFields) {
        List<Column> columns = new ArrayList<>(parse("id:i name:s scriptid:s externalid:s isinactive:b owner:i"
                + " created:t lastmodified:t"));
        customFields.stream().filter(field -> columns.stream().noneMatch(c -> c.name().equalsIgnoreCase(field.name())))
                .forEach(columns::add);
        return new StreamDescriptor(scriptId.toLowerCase(Locale.ROOT), columns, List.of("id"),
                Optional.of("lastmodified"));
    }

    /** @param prefix e.g. {@code custentity}; @param recordTypes records-API types whose schema lists them */
    record CustomFieldSource(String prefix, List<String> recordTypes) {
    }
}
