package dev.nsbridge.sandbox.netsuite.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a records-API record maps onto its table: camelCase field names (NetSuite's REST records spell them so),
 * custom fields by their script ids.
 *
 * @param table    the SuiteQL table holding the record
 * @param fields   every field the records API shows, in answer order
 */
record RecordLayout(String type, String table, List<Field> fields) {
    static final List<String> TYPES = List.of("customer", "contact");

    enum Kind { TEXT, BOOLEAN, INTEGER, DECIMAL, DATE, DATETIME, SELECT }

    /**
     * @param column    the table column
     * @param readOnly  NetSuite sets it (id, creation and modification dates)
     * @param reference for a select field, the table its id must exist in (null: a fixed list)
     */
    record Field(String name, String column, Kind kind, boolean readOnly, String reference, String label) {
    }

    private static final Map<String, RecordLayout> LAYOUTS = Map.of(
            "customer", new RecordLayout("customer", "customer", withCustom("customer", List.of(
                    field("id", "id", Kind.TEXT, true, null, "Internal ID"),
                    field("entityId", "entityid", Kind.TEXT, false, null, "Customer ID"),
                    field("externalId", "externalid", Kind.TEXT, false, null, "External ID"),
                    field("isPerson", "isperson", Kind.BOOLEAN, false, null, "Type: Individual"),
                    field("companyName", "companyname", Kind.TEXT, false, null, "Company Name"),
                    field("firstName", "firstname", Kind.TEXT, false, null, "First Name"),
                    field("lastName", "lastname", Kind.TEXT, false, null, "Last Name"),
                    field("email", "email", Kind.TEXT, false, null, "Email"),
                    field("phone", "phone", Kind.TEXT, false, null, "Phone"),
                    field("isInactive", "isinactive", Kind.BOOLEAN, false, null, "Inactive"),
                    field("subsidiary", "subsidiary", Kind.SELECT, false, "subsidiary", "Primary Subsidiary"),
                    field("currency", "currency", Kind.SELECT, false, "currency", "Currency"),
                    field("salesRep", "salesrep", Kind.SELECT, false, "employee", "Sales Rep"),
                    field("globalSubscriptionStatus", "globalsubscriptionstatus", Kind.SELECT, false, null,
                            "Global Subscription Status"),
                    field("dateCreated", "datecreated", Kind.DATETIME, true, null, "Date Created"),
                    field("lastModifiedDate", "lastmodifieddate", Kind.DATETIME, true, null, "Last Modified Date")))),
            "contact", new RecordLayout("contact", "contact", withCustom("contact", List.of(
                    field("id", "id", Kind.TEXT, true, null, "Internal ID"),
                    field("entityId", "entityid", Kind.TEXT, false, null, "Contact"),
                    field("externalId", "externalid", Kind.TEXT, false, null, "External ID"),
                    field("firstName", "firstname", Kind.TEXT, false, null, "First Name"),
                    field("lastName", "lastname", Kind.TEXT, false, null, "Last Name"),
                    field("title", "title", Kind.TEXT, false, null, "Job Title"),
                    field("email", "email", Kind.TEXT, false, null, "Email"),
                    field("phone", "phone", Kind.TEXT, false, null, "Phone"),
                    field("company", "company", Kind.SELECT, false, "customer", "Company"),
                    field("isInactive", "isinactive", Kind.BOOLEAN, false, null, "Inactive"),
                    field("subsidiary", "subsidiary", Kind.SELECT, false, "subsidiary", "Subsidiary"),
                    field("globalSubscriptionStatus", "globalsubscriptionstatus", Kind.SELECT, false, null,
                            "Global Subscription Status"),
                    field("dateCreated", "datecreated", Kind.DATETIME, true, null, "Date Created"),
                    field("lastModifiedDate", "lastmodifieddate", Kind.DATETIME, true, null, "Last Modified Date")))));

    RecordLayout {
        fields = List.copyOf(fields);
    }

    static Optional<RecordLayout> of(String type) {
        return Optional.ofNullable(type == null ? null : LAYOUTS.get(type.toLowerCase(java.util.Locale.ROOT)));
    }

    Optional<Field> field(String name) {
        return fields.stream().filter(field -> field.name().equals(name)).findFirst();
    }

    private static Field field(String name, String column, Kind kind, boolean readOnly, String reference,
                               String label) {
        return new Field(name, column, kind, readOnly, reference, label);
    }

    /** Custom fields keep their script id as their name, as the records API shows them. */
    static List<Field> withCustom(String table, List<Field> standard) {
        List<Field> fields = new ArrayList<>(standard);
        for (CustomField custom : CustomField.on(table)) {
            Kind kind = switch (custom.kind()) {
                case TEXT, EMAIL -> Kind.TEXT;
                case CHECKBOX -> Kind.BOOLEAN;
                case INTEGER -> Kind.INTEGER;
                case DECIMAL -> Kind.DECIMAL;
                case DATE -> Kind.DATE;
                case DATETIME -> Kind.DATETIME;
                case LIST -> Kind.SELECT;
            };
            fields.add(new Field(custom.scriptId(), custom.scriptId(), kind, false, null, custom.label()));
        }
        return fields;
    }
}
