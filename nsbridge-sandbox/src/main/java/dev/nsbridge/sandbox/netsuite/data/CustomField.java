package dev.nsbridge.sandbox.netsuite.data;

import java.util.List;

/**
 * A custom field as an account's admin would have defined it: its script id, the table it lives on and its kind.
 *
 * @param listValues for a list/record field, the choices by internal id (1, 2, …)
 */
record CustomField(String scriptId, String table, Kind kind, String label, List<String> listValues) {

    enum Kind {
        TEXT("VARCHAR(300)", "string", null),
        EMAIL("VARCHAR(254)", "string", "email"),
        CHECKBOX("CHAR(1)", "boolean", null),
        INTEGER("BIGINT", "integer", "int64"),
        DECIMAL("DECIMAL(20,4)", "number", "double"),
        DATE("DATE", "string", "date"),
        DATETIME("TIMESTAMP", "string", "date-time"),
        LIST("BIGINT", "object", null);

        final String sqlType;
        final String jsonType;
        final String jsonFormat;

        Kind(String sqlType, String jsonType, String jsonFormat) {
            this.sqlType = sqlType;
            this.jsonType = jsonType;
            this.jsonFormat = jsonFormat;
        }
    }

    CustomField {
        listValues = List.copyOf(listValues);
    }

    static CustomField of(String scriptId, String table, Kind kind, String label) {
        return new CustomField(scriptId, table, kind, label, List.of());
    }

    /** The fields this generated account has; the Klaviyo flows read and write the first one. */
    static final List<CustomField> ALL = List.of(
            of("custentity_klaviyo_profile_id", "customer", Kind.TEXT, "Klaviyo Profile ID"),
            of("custentity_vip", "customer", Kind.CHECKBOX, "VIP"),
            of("custentity_birthday", "customer", Kind.DATE, "Birthday"),
            of("custentity_loyalty_points", "customer", Kind.INTEGER, "Loyalty Points"),
            of("custentity_last_synced", "customer", Kind.DATETIME, "Last Synced to Klaviyo"),
            new CustomField("custentity_loyalty_tier", "customer", Kind.LIST, "Loyalty Tier",
                    List.of("Bronze", "Silver", "Gold", "Platinum")),
            of("custentity_klaviyo_profile_id", "contact", Kind.TEXT, "Klaviyo Profile ID"),
            of("custentity_secondary_email", "contact", Kind.EMAIL, "Secondary Email"),
            new CustomField("custbody_sales_channel", "transaction", Kind.LIST, "Sales Channel",
                    List.of("Web Store", "Amazon", "Retail", "Phone", "Wholesale")),
            of("custbody_gift_order", "transaction", Kind.CHECKBOX, "Gift Order"),
            of("custbody_requested_delivery", "transaction", Kind.DATE, "Requested Delivery"),
            of("custbody_discount_rate", "transaction", Kind.DECIMAL, "Discount Rate"),
            of("custbody_klaviyo_event_id", "transaction", Kind.TEXT, "Klaviyo Event ID"),
            of("custcol_gift_wrap", "transactionline", Kind.CHECKBOX, "Gift Wrap"),
            of("custcol_engraving", "transactionline", Kind.TEXT, "Engraving"),
            of("custcol_promised_ship", "transactionline", Kind.DATE, "Promised Ship Date"),
            of("custitem_brand", "item", Kind.TEXT, "Brand"),
            of("custitem_launch_date", "item", Kind.DATE, "Launch Date"),
            of("custitem_weight_kg", "item", Kind.DECIMAL, "Weight (kg)"),
            of("custitem_featured", "item", Kind.CHECKBOX, "Featured in Klaviyo"),
            of("custrecord_lt_min_points", CustomRecords.LOYALTY_TIER, Kind.INTEGER, "Minimum Points"),
            of("custrecord_lt_discount", CustomRecords.LOYALTY_TIER, Kind.DECIMAL, "Discount"),
            of("custrecord_lt_color", CustomRecords.LOYALTY_TIER, Kind.TEXT, "Badge Color"),
            of("custrecord_lt_review_date", CustomRecords.LOYALTY_TIER, Kind.DATE, "Next Review"));

    static List<CustomField> on(String table) {
        return ALL.stream().filter(field -> field.table().equals(table)).toList();
    }
}
