package dev.nsbridge.netsuite.catalog;

import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The NetSuite2.com tables nsbridge starts with, with their standard columns, primary keys and incremental keys.
 * Custom fields differ per account and are added by {@link NetSuiteCatalog}.
 */
public final class NetSuiteTables {
    private static final List<StreamDescriptor> TABLES = List.of(
            table("customer", "id", "lastmodifieddate", "entityid:s externalid:s companyname:s firstname:s lastname:s"
                    + " email:s phone:s isperson:b subsidiary:i currency:i defaultbillingaddress:i"
                    + " defaultshippingaddress:i globalsubscriptionstatus:i datecreated:t"),
            table("contact", "id", "lastmodifieddate", "entityid:s externalid:s firstname:s lastname:s email:s phone:s"
                    + " company:i subsidiary:i globalsubscriptionstatus:i isinactive:b datecreated:t"),
            table("employee", "id", "lastmodifieddate", "entityid:s externalid:s firstname:s lastname:s email:s"
                    + " subsidiary:i department:i location:i isinactive:b datecreated:t"),
            table("vendor", "id", "lastmodifieddate", "entityid:s externalid:s companyname:s email:s phone:s"
                    + " subsidiary:i currency:i isinactive:b datecreated:t"),
            table("entity", "id", "lastmodifieddate", "entityid:s externalid:s entitytitle:s email:s phone:s type:s"
                    + " isinactive:b datecreated:t"),
            table("transaction", "id", "lastmodifieddate", "tranid:s trandate:d type:s status:s entity:i subsidiary:i"
                    + " currency:i exchangerate:n foreigntotal:n memo:s createddate:t shipdate:d postingperiod:i posting:b"),
            new StreamDescriptor("transactionline", columns("transaction:i id:i linelastmodifieddate:t mainline:b"
                    + " taxline:b item:i quantity:n rate:n netamount:n foreignamount:n memo:s isclosed:b subsidiary:i"),
                    List.of("transaction", "id"), Optional.of("linelastmodifieddate")),
            // lastmodifieddate exists only since 2023.1; older rows have none, so a full reload finds them.
            new StreamDescriptor("transactionaccountingline", columns("transaction:i transactionline:i"
                    + " accountingbook:i account:i amount:n debit:n credit:n netamount:n posting:b"
                    + " lastmodifieddate:t"), List.of("transaction", "transactionline", "accountingbook"),
                    Optional.of("lastmodifieddate")),
            table("item", "id", "lastmodifieddate", "itemid:s displayname:s itemtype:s description:s baseprice:n"
                    + " isinactive:b"),
            table("subsidiary", "id", "lastmodifieddate", "name:s parent:i currency:i isinactive:b"),
            table("currency", "id", "lastmodifieddate", "name:s symbol:s isbasecurrency:b exchangerate:n"
                    + " isinactive:b"),
            table("account", "id", "lastmodifieddate", "acctnumber:s accountsearchdisplayname:s accttype:s"
                    + " parent:i isinactive:b"),
            table("accountingperiod", "id", "lastmodifieddate", "periodname:s startdate:d enddate:d isquarter:b"
                    + " isyear:b closed:b"),
            table("location", "id", "lastmodifieddate", "name:s parent:i subsidiary:s isinactive:b"),
            table("department", "id", "lastmodifieddate", "name:s parent:i subsidiary:s isinactive:b"),
            table("classification", "id", "lastmodifieddate", "name:s parent:i subsidiary:s isinactive:b"),
            new StreamDescriptor("deletedrecord", columns("recordid:i type:s deleteddate:t recordtypeid:s name:s"
                    + " context:s deletedby:i iscustomrecord:b iscustomlist:b"), List.of("recordid", "type"),
                    Optional.of("deleteddate")),
            new StreamDescriptor("systemnote", columns("id:i date:t recordid:i recordtypeid:s field:s oldvalue:s"
                    + " newvalue:s name:i context:s type:s"), List.of("id"), Optional.of("date")),
            // NetSuite's accounttype has no usage column (its columns: id, balancesheet, defaultcashflowratetype,
            // defaultgeneralratetype, eliminationalgo, includeinrevaldefault, internalid, left, longname, seqnum,
            // usercanchangerevaloption).
            new StreamDescriptor("accounttype", columns("id:s longname:s balancesheet:b left:b"),
                    List.of("id"), Optional.empty()),
            new StreamDescriptor("accountingbooksubsidiaries", columns("accountingbook:i subsidiary:i status:s"),
                    List.of("accountingbook", "subsidiary"), Optional.empty()));

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
        List<Column> columns = new ArrayList<>(columns("id:i name:s scriptid:s externalid:s isinactive:b owner:i"
                + " created:t lastmodified:t"));
        customFields.stream().filter(field -> columns.stream().noneMatch(c -> c.name().equalsIgnoreCase(field.name())))
                .forEach(columns::add);
        return new StreamDescriptor(scriptId.toLowerCase(Locale.ROOT), columns, List.of("id"),
                Optional.of("lastmodified"));
    }

    /** @param prefix e.g. {@code custentity}; @param recordTypes records-API types whose schema lists them */
    record CustomFieldSource(String prefix, List<String> recordTypes) {
    }

    private static StreamDescriptor table(String name, String key, String cursor, String columns) {
        return new StreamDescriptor(name, columns(key + ":i " + columns + " " + cursor + ":t"), List.of(key),
                Optional.of(cursor));
    }

    // "name:t" pairs keep the table list readable: s string, i integer, n decimal, b boolean, d date, t timestamp.
    private static List<Column> columns(String spec) {
        List<Column> columns = new ArrayList<>();
        for (String pair : spec.trim().split("\\s+")) {
            String[] parts = pair.split(":");
            columns.add(new Column(parts[0], switch (parts[1]) {
                case "s" -> ColumnType.STRING;
                case "i" -> ColumnType.INTEGER;
                case "n" -> ColumnType.DECIMAL;
                case "b" -> ColumnType.BOOLEAN;
                case "d" -> ColumnType.DATE;
                case "t" -> ColumnType.TIMESTAMP;
                default -> throw new IllegalArgumentException(pair);
            }));
        }
        return List.copyOf(columns);
    }
}
