package dev.nsbridge.sandbox.netsuite.data;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What BUILTIN.DF(column) answers, by the column's name: the referenced record's name, a status or type's text, or
 * the value itself when the column is no reference. {c} is the column as written, {q} its table qualifier.
 */
final class DisplayNames {
    private static final String ENTITY = "COALESCE((SELECT x.entitytitle FROM customer x WHERE x.id = {c}), "
            + "(SELECT x.entitytitle FROM contact x WHERE x.id = {c}), (SELECT x.entitytitle FROM vendor x WHERE x.id = "
            + "{c}), (SELECT x.entitytitle FROM employee x WHERE x.id = {c}))";
    private static final String EMPLOYEE = "(SELECT x.entitytitle FROM employee x WHERE x.id = {c})";
    private static final String TRANSACTION = "(SELECT tt.name || ' #' || x.tranid FROM transaction x JOIN "
            + "nsdf_trantype tt ON tt.id = x.type WHERE x.id = {c})";
    private static final Map<String, String> BY_COLUMN = byColumn();

    private DisplayNames() {
    }

    private static Map<String, String> byColumn() {
        Map<String, String> map = new HashMap<>();
        for (String column : new String[] {"entity", "customer", "company", "recordowner"}) {
            map.put(column, ENTITY);
        }
        for (String column : new String[] {"employee", "salesrep", "supervisor", "deletedby"}) {
            map.put(column, EMPLOYEE);
        }
        for (String column : new String[] {"createdfrom", "transaction", "previousdoc", "nextdoc"}) {
            map.put(column, TRANSACTION);
        }
        map.put("status", "COALESCE((SELECT x.name FROM nsdf_status x WHERE x.id = {c} AND x.trantype = {q}type), {c})");
        map.put("type", "COALESCE((SELECT x.name FROM nsdf_trantype x WHERE x.id = {c}), {c})");
        map.put("itemtype", "COALESCE((SELECT x.name FROM nsdf_itemtype x WHERE x.id = {c}), {c})");
        map.put("globalsubscriptionstatus", "(SELECT x.name FROM nsdf_subscription x WHERE x.id = {c})");
        map.put("subsidiary", "(SELECT x.name FROM subsidiary x WHERE x.id = {c})");
        map.put("currency", "(SELECT x.name FROM currency x WHERE x.id = {c})");
        map.put("item", "(SELECT x.itemid FROM item x WHERE x.id = {c})");
        map.put("location", "(SELECT x.name FROM location x WHERE x.id = {c})");
        map.put("department", "(SELECT x.name FROM department x WHERE x.id = {c})");
        map.put("class", "(SELECT x.name FROM classification x WHERE x.id = {c})");
        map.put("account", "(SELECT x.accountsearchdisplayname FROM account x WHERE x.id = {c})");
        map.put("incomeaccount", map.get("account"));
        map.put("postingperiod", "(SELECT x.periodname FROM accountingperiod x WHERE x.id = {c})");
        map.put("accttype", "(SELECT x.longname FROM accounttype x WHERE x.id = {c})");
        map.put("defaultbillingaddress", "(SELECT x.addrtext FROM entityaddress x WHERE x.nkey = {c})");
        map.put("defaultshippingaddress", map.get("defaultbillingaddress"));
        map.put("addressbookaddress", map.get("defaultbillingaddress"));
        map.put("billingaddress", "(SELECT x.addrtext FROM transactionbillingaddress x WHERE x.nkey = {c})");
        map.put("shippingaddress", "(SELECT x.addrtext FROM transactionshippingaddress x WHERE x.nkey = {c})");
        map.put("shipmethod", "(SELECT x.itemid FROM shipitem x WHERE x.id = {c})");
        map.put("entitystatus", "CASE WHEN {c} = 13 THEN 'CUSTOMER-Closed Won' ELSE CAST({c} AS VARCHAR) END");
        for (CustomField field : CustomField.ALL) {
            if (field.kind() == CustomField.Kind.LIST) {
                map.put(field.scriptId(), "CASE {c} " + IntStream.range(0, field.listValues().size())
                        .mapToObj(i -> "WHEN " + (i + 1) + " THEN '" + field.listValues().get(i) + "'")
                        .collect(Collectors.joining(" ")) + " END");
            }
        }
        return Map.copyOf(map);
    }

    /** The SQL expression for BUILTIN.DF of {@code column}, e.g. {@code t.status}. */
    static String expression(String column) {
        int dot = column.lastIndexOf('.');
        String qualifier = dot < 0 ? "" : column.substring(0, dot + 1);
        String name = column.substring(dot + 1).toLowerCase(Locale.ROOT);
        String template = BY_COLUMN.getOrDefault(name, "CAST({c} AS VARCHAR)");
        return template.replace("{c}", column).replace("{q}", qualifier);
    }
}
