package dev.nsbridge.sandbox.netsuite.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The NetSuite2.com tables this sandbox serves, with their columns as Oracle's schema browser names them. Booleans are
 * CHAR(1) 'T'/'F' because that is how SuiteQL compares and answers them; dates are local date-times in the account's
 * time zone, as NetSuite keeps them for the user.
 */
final class Schema {
    private static final String ENTITY_COMMON = "id BIGINT PRIMARY KEY, entityid VARCHAR(100), altname VARCHAR(200), "
            + "entitytitle VARCHAR(300), email VARCHAR(300), phone VARCHAR(100), isinactive CHAR(1) DEFAULT 'F', "
            + "subsidiary BIGINT, datecreated TIMESTAMP, lastmodifieddate TIMESTAMP, externalid VARCHAR(100)";

    static final Map<String, String> TABLES = tables();

    /** Tables that hold display names for BUILTIN.DF; SuiteQL may not name them. */
    static final Set<String> HIDDEN = Set.of("nsdf_trantype", "nsdf_status", "nsdf_subscription", "nsdf_itemtype");

    private Schema() {
    }

    private static Map<String, String> tables() {
        Map<String, String> tables = new LinkedHashMap<>();
        LedgerSchema.addReferenceTables(tables);
        tables.put("employee", ENTITY_COMMON + ", firstname VARCHAR(100), lastname VARCHAR(100), title VARCHAR(100), "
                + "department BIGINT, location BIGINT, supervisor BIGINT, hiredate DATE, currency BIGINT, "
                + "approvallimit DECIMAL(20,2), expenselimit DECIMAL(20,2), purchaseorderapprovallimit DECIMAL(20,2), "
                + "purchaseorderlimit DECIMAL(20,2)");
        tables.put("vendor", ENTITY_COMMON + ", companyname VARCHAR(200), isperson CHAR(1), currency BIGINT, "
                + "category BIGINT");
        tables.put("job", ENTITY_COMMON + ", companyname VARCHAR(200), customer BIGINT, parent BIGINT, "
                + "defaultbillingaddress BIGINT, defaultshippingaddress BIGINT, startdate DATE, projectedenddate DATE");
        tables.put("customer", ENTITY_COMMON + ", companyname VARCHAR(200), firstname VARCHAR(100), "
                + "lastname VARCHAR(100), isperson CHAR(1), currency BIGINT, defaultbillingaddress BIGINT, "
                + "defaultshippingaddress BIGINT, globalsubscriptionstatus BIGINT, salesrep BIGINT, "
                + "category BIGINT, entitystatus BIGINT, firstorderdate DATE, lastorderdate DATE, balance DECIMAL(20,2), "
                + "parent BIGINT, receivablesaccount BIGINT, url VARCHAR(300), comments VARCHAR(1000)"
                + custom("customer"));
        tables.put("contact", ENTITY_COMMON + ", firstname VARCHAR(100), lastname VARCHAR(100), company BIGINT, "
                + "title VARCHAR(100), globalsubscriptionstatus BIGINT" + custom("contact"));
        tables.put("entityaddress", "nkey BIGINT PRIMARY KEY, addressee VARCHAR(200), attention VARCHAR(200), "
                + "addr1 VARCHAR(200), addr2 VARCHAR(200), addr3 VARCHAR(200), city VARCHAR(100), state VARCHAR(60), "
                + "zip VARCHAR(30), country VARCHAR(2), addrphone VARCHAR(100), addrtext VARCHAR(1000), "
                + "recordowner BIGINT, lastmodifieddate TIMESTAMP, dropdownstate VARCHAR(60)");
        tables.put("customeraddressbook", "entity BIGINT, internalid BIGINT, addressbookaddress BIGINT, "
                + "label VARCHAR(100), defaultbilling CHAR(1), defaultshipping CHAR(1), isresidential CHAR(1), "
                + "PRIMARY KEY (entity, internalid)");
        tables.put("item", "id BIGINT PRIMARY KEY, itemid VARCHAR(100), fullname VARCHAR(200), displayname VARCHAR(200), "
                + "itemtype VARCHAR(20), description VARCHAR(1000), baseprice DECIMAL(20,2), cost DECIMAL(20,2), "
                + "upccode VARCHAR(20), isinactive CHAR(1), isonline CHAR(1), subsidiary VARCHAR(200), "
                + "incomeaccount BIGINT, " + LedgerSchema.ITEM_POSTING_COLUMNS + ", createddate TIMESTAMP, lastmodifieddate TIMESTAMP, externalid VARCHAR(100), "
                + "parent BIGINT, matrixtype VARCHAR(10), totalquantityonhand DECIMAL(20,4)" + custom("item"));
        tables.put("transaction", "id BIGINT PRIMARY KEY, tranid VARCHAR(40), trandate DATE, type VARCHAR(20), "
                + "status VARCHAR(1), entity BIGINT, subsidiary BIGINT, currency BIGINT, exchangerate DECIMAL(20,8), "
                + "foreigntotal DECIMAL(20,2), memo VARCHAR(1000), email VARCHAR(300), createddate TIMESTAMP, "
                + "lastmodifieddate TIMESTAMP, shipdate DATE, postingperiod BIGINT, billingaddress BIGINT, "
                + "shippingaddress BIGINT, employee BIGINT, otherrefnum VARCHAR(60), posting CHAR(1), voided CHAR(1), "
                + "externalid VARCHAR(100), shipmethod BIGINT, " + LedgerSchema.TRANSACTION_LEDGER_COLUMNS
                + custom("transaction"));
        tables.put("transactionline", "transaction BIGINT NOT NULL, id BIGINT NOT NULL, linesequencenumber BIGINT, "
                + "mainline CHAR(1), taxline CHAR(1), item BIGINT, itemtype VARCHAR(20), quantity DECIMAL(20,4), "
                + "rate DECIMAL(20,4), netamount DECIMAL(20,2), foreignamount DECIMAL(20,2), memo VARCHAR(500), "
                + "isclosed CHAR(1), entity BIGINT, subsidiary BIGINT, location BIGINT, department BIGINT, "
                + "class BIGINT, createdfrom BIGINT, linecreateddate TIMESTAMP, linelastmodifieddate TIMESTAMP, "
                + LedgerSchema.LINE_LEDGER_COLUMNS
                + custom("transactionline") + ", PRIMARY KEY (transaction, id)");
        tables.put("transactionaccountingline", "transaction BIGINT NOT NULL, transactionline BIGINT NOT NULL, "
                + "accountingbook BIGINT NOT NULL, account BIGINT, amount DECIMAL(20,2), debit DECIMAL(20,2), "
                + "credit DECIMAL(20,2), netamount DECIMAL(20,2), posting CHAR(1), amountunpaid DECIMAL(20,2), "
                + "amountpaid DECIMAL(20,2), amountlinked DECIMAL(20,2), exchangerate DECIMAL(20,8), "
                + "lastmodifieddate TIMESTAMP, PRIMARY KEY (transaction, transactionline, accountingbook)");
        tables.put("previoustransactionlinelink", "previousdoc BIGINT, previousline BIGINT, nextdoc BIGINT, "
                + "nextline BIGINT, linktype VARCHAR(20), previoustype VARCHAR(20), nexttype VARCHAR(20), "
                + "foreignamount DECIMAL(20,2), amount DECIMAL(20,2), lastmodifieddate TIMESTAMP, "
                + "PRIMARY KEY (nextdoc, nextline, previousdoc, previousline)");
        for (String name : List.of("transactionbillingaddress", "transactionshippingaddress")) {
            tables.put(name, "nkey BIGINT PRIMARY KEY, addressee VARCHAR(200), attention VARCHAR(200), "
                    + "addr1 VARCHAR(200), addr2 VARCHAR(200), city VARCHAR(100), state VARCHAR(60), zip VARCHAR(30), "
                    + "country VARCHAR(2), addrphone VARCHAR(100), addrtext VARCHAR(1000), recordowner BIGINT");
        }
        // A shipment's carrier is its ship method, a ship item; its packages' tracking numbers are reached only through
        // trackingnumbermap (transaction.trackingnumbers is not a SuiteQL field).
        tables.put("shipitem", "id BIGINT PRIMARY KEY, itemid VARCHAR(100), displayname VARCHAR(200), "
                + "isinactive CHAR(1), lastmodifieddate TIMESTAMP");
        tables.put("trackingnumber", "id BIGINT PRIMARY KEY, trackingnumber VARCHAR(100)");
        tables.put("trackingnumbermap", "transaction BIGINT NOT NULL, trackingnumber BIGINT NOT NULL, "
                + "PRIMARY KEY (transaction, trackingnumber)");
        tables.put("deletedrecord", "recordid BIGINT, recordtypeid BIGINT, type VARCHAR(60), name VARCHAR(300), "
                + "deleteddate TIMESTAMP, context VARCHAR(40), deletedby BIGINT, iscustomrecord CHAR(1), "
                + "iscustomlist CHAR(1), PRIMARY KEY (type, recordid)");
        tables.put("systemnote", "id BIGINT PRIMARY KEY, date TIMESTAMP, recordid BIGINT, recordtypeid BIGINT, "
                + "field VARCHAR(100), oldvalue VARCHAR(1000), newvalue VARCHAR(1000), name BIGINT, role BIGINT, "
                + "context VARCHAR(40), type VARCHAR(20)");
        tables.put(CustomRecords.LOYALTY_TIER, CustomRecords.STANDARD_COLUMNS + custom(CustomRecords.LOYALTY_TIER));
        tables.put("nsdf_trantype", "id VARCHAR(20) PRIMARY KEY, name VARCHAR(60)");
        tables.put("nsdf_status", "trantype VARCHAR(20), id VARCHAR(1), name VARCHAR(80), PRIMARY KEY (trantype, id)");
        tables.put("nsdf_subscription", "id BIGINT PRIMARY KEY, name VARCHAR(60)");
        tables.put("nsdf_itemtype", "id VARCHAR(20) PRIMARY KEY, name VARCHAR(60)");
        return tables;
    }

    private static String custom(String table) {
        return CustomField.on(table).stream()
                .map(field -> ", " + field.scriptId() + " " + field.kind().sqlType)
                .collect(Collectors.joining());
    }

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> table : TABLES.entrySet()) {
                statement.execute("CREATE TABLE " + table.getKey() + " (" + table.getValue() + ")");
            }
            // entity is every customer, contact, employee, vendor and project in one id space, as NetSuite has it;
            // its customer, contact, employee, vendor and project columns hold the row's own id in the column of its
            // kind (NULL in the others), which is how a model tells the kinds apart without reading type.
            statement.execute("CREATE VIEW entity AS "
                    + entityView("customer", "'CustJob'", "id, NULL, NULL, NULL, NULL, isperson, parent")
                    + " UNION ALL " + entityView("contact", "'Contact'", "NULL, id, NULL, NULL, NULL, 'T', NULL")
                    + " UNION ALL " + entityView("employee", "'Employee'", "NULL, NULL, id, NULL, NULL, 'T', NULL")
                    + " UNION ALL " + entityView("vendor", "'Vendor'", "NULL, NULL, NULL, id, NULL, isperson, NULL")
                    + " UNION ALL " + entityView("job", "'Job'", "NULL, NULL, NULL, NULL, id, 'F', parent"));
        }
    }

    /** Indexes come after the bulk load, which is faster than keeping them up to date row by row. */
    static void index(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String index : List.of("transaction(lastmodifieddate)", "transaction(entity)",
                    "transactionline(linelastmodifieddate)",
                    "customer(lastmodifieddate)", "customer(email)", "contact(company)", "contact(lastmodifieddate)",
                    "item(lastmodifieddate)", "deletedrecord(deleteddate)", CustomRecords.LOYALTY_TIER + "(lastmodified)", "systemnote(recordid)",
                    "previoustransactionlinelink(previousdoc)", "trackingnumbermap(trackingnumber)", "customeraddressbook(addressbookaddress)")) {
                statement.execute("CREATE INDEX IF NOT EXISTS ix_" + index.replaceAll("\\W", "_") + " ON " + index);
            }
        }
    }

    /** @param kinds the values of customer, contact, employee, vendor, project, isperson and parent, in that order */
    private static String entityView(String table, String type, String kinds) {
        String[] values = kinds.split(",\\s*");
        String[] names = {"customer", "contact", "employee", "vendor", "project", "isperson", "parent"};
        StringBuilder select = new StringBuilder("SELECT id, entityid, altname, entitytitle, email, phone, isinactive, "
                + "subsidiary, datecreated, lastmodifieddate, externalid, " + type + " AS type");
        for (int i = 0; i < names.length; i++) {
            String value = values[i].equals("NULL") ? "CAST(NULL AS BIGINT)" : values[i];
            select.append(", ").append(value).append(" AS ").append(names[i]);
        }
        return select.append(" FROM ").append(table).toString();
    }
}
