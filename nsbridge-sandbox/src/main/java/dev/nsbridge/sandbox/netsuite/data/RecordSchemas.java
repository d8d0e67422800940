package dev.nsbridge.sandbox.netsuite.data;

import dev.nsbridge.sandbox.netsuite.data.RecordLayout.Field;
import dev.nsbridge.sandbox.netsuite.data.RecordLayout.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code metadata-catalog/<type>} answers with {@code Accept: application/schema+json}: a JSON schema whose
 * properties include the custom fields, marked {@code x-ns-custom-field}, with type and format so that a client can
 * discover custentity, custbody, custcol and custitem fields and their kinds.
 */
final class RecordSchemas {
    private RecordSchemas() {
    }

    static Optional<Map<String, Object>> schema(String type) {
        String name = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "customer", "contact" -> RecordLayout.of(name).map(layout -> object(name, layout.fields(), null));
            case "salesorder" -> Optional.of(object(name, RecordLayout.withCustom("transaction", List.of(
                    new Field("id", "id", Kind.TEXT, true, null, "Internal ID"),
                    new Field("tranId", "tranid", Kind.TEXT, false, null, "Order #"),
                    new Field("tranDate", "trandate", Kind.DATE, false, null, "Date"),
                    new Field("entity", "entity", Kind.SELECT, false, "customer", "Customer"),
                    new Field("status", "status", Kind.SELECT, true, null, "Status"),
                    new Field("subsidiary", "subsidiary", Kind.SELECT, false, "subsidiary", "Subsidiary"),
                    new Field("currency", "currency", Kind.SELECT, false, "currency", "Currency"),
                    new Field("exchangeRate", "exchangerate", Kind.DECIMAL, false, null, "Exchange Rate"),
                    new Field("total", "foreigntotal", Kind.DECIMAL, true, null, "Total"),
                    new Field("memo", "memo", Kind.TEXT, false, null, "Memo"),
                    new Field("createdDate", "createddate", Kind.DATETIME, true, null, "Date Created"),
                    new Field("lastModifiedDate", "lastmodifieddate", Kind.DATETIME, true, null, "Last Modified"))),
                    object("salesorder-itemElement", RecordLayout.withCustom("transactionline", List.of(
                            new Field("line", "id", Kind.INTEGER, true, null, "Line Id"),
                            new Field("item", "item", Kind.SELECT, false, "item", "Item"),
                            new Field("quantity", "quantity", Kind.DECIMAL, false, null, "Quantity"),
                            new Field("rate", "rate", Kind.DECIMAL, false, null, "Item Rate"),
                            new Field("amount", "foreignamount", Kind.DECIMAL, false, null, "Amount"),
                            new Field("isClosed", "isclosed", Kind.BOOLEAN, false, null, "Closed"))), null)));
            case "inventoryitem" -> Optional.of(object(name, RecordLayout.withCustom("item", List.of(
                    new Field("id", "id", Kind.TEXT, true, null, "Internal ID"),
                    new Field("itemId", "itemid", Kind.TEXT, false, null, "Item Name/Number"),
                    new Field("displayName", "displayname", Kind.TEXT, false, null, "Display Name/Code"),
                    new Field("description", "description", Kind.TEXT, false, null, "Description"),
                    new Field("upcCode", "upccode", Kind.TEXT, false, null, "UPC Code"),
                    new Field("isInactive", "isinactive", Kind.BOOLEAN, false, null, "Inactive"),
                    new Field("createdDate", "createddate", Kind.DATETIME, true, null, "Date Created"),
                    new Field("lastModifiedDate", "lastmodifieddate", Kind.DATETIME, true, null, "Last Modified"))),
                    null));
            case CustomRecords.LOYALTY_TIER -> Optional.of(object(name, RecordLayout.withCustom(name, List.of(
                    new Field("id", "id", Kind.TEXT, true, null, "Internal ID"),
                    new Field("name", "name", Kind.TEXT, false, null, "Name"),
                    new Field("scriptId", "scriptid", Kind.TEXT, true, null, "Script ID"),
                    new Field("externalId", "externalid", Kind.TEXT, false, null, "External ID"),
                    new Field("isInactive", "isinactive", Kind.BOOLEAN, false, null, "Inactive"),
                    new Field("owner", "owner", Kind.SELECT, true, "employee", "Owner"),
                    new Field("created", "created", Kind.DATETIME, true, null, "Date Created"),
                    new Field("lastModified", "lastmodified", Kind.DATETIME, true, null, "Last Modified"))),
                    null));
            default -> Optional.empty();
        };
    }

    /**
     * The record types {@code metadata-catalog} lists: the standard ones this sandbox describes, then the account's
     * custom record types by script id, as NetSuite lists them beside the standard ones.
     */
    static List<String> types() {
        List<String> types = new ArrayList<>(List.of("contact", "customer", "inventoryitem", "salesorder"));
        types.addAll(CustomRecords.TYPES);
        return List.copyOf(types);
    }

    private static Map<String, Object> object(String title, List<Field> fields, Map<String, Object> items) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Field field : fields) {
            properties.put(field.name(), property(field));
        }
        if (items != null) {
            properties.put("item", Map.of("type", "object", "title", "Items", "properties", Map.of(
                    "items", Map.of("type", "array", "items", items))));
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("title", title);
        schema.put("properties", properties);
        return schema;
    }

    private static Map<String, Object> property(Field field) {
        Map<String, Object> property = new LinkedHashMap<>();
        property.put("title", field.label());
        switch (field.kind()) {
            case TEXT -> property.put("type", "string");
            case BOOLEAN -> property.put("type", "boolean");
            case INTEGER -> {
                property.put("type", "integer");
                property.put("format", "int64");
            }
            case DECIMAL -> {
                property.put("type", "number");
                property.put("format", "double");
            }
            case DATE -> {
                property.put("type", "string");
                property.put("format", "date");
            }
            case DATETIME -> {
                property.put("type", "string");
                property.put("format", "date-time");
            }
            case SELECT -> {
                property.put("type", "object");
                property.put("properties", Map.of("id", Map.of("type", "string", "title", "Internal identifier"),
                        "refName", Map.of("type", "string", "title", "Reference Name")));
            }
        }
        boolean custom = field.name().startsWith("cust");
        if (custom) {
            property.put("x-ns-custom-field", true);
        }
        if (field.readOnly()) {
            property.put("readOnly", true);
        }
        property.put("nullable", true);
        return property;
    }
}
