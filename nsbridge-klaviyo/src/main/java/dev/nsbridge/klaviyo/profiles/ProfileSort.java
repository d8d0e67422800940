package dev.nsbridge.klaviyo.profiles;

/** The orders {@code GET /api/profiles} offers; {@code _DESC} is the spec's leading minus. */
public enum ProfileSort {
    CREATED("created"), CREATED_DESC("-created"),
    UPDATED("updated"), UPDATED_DESC("-updated"),
    ID("id"), ID_DESC("-id"),
    EMAIL("email"), EMAIL_DESC("-email"),
    EMAIL_SUPPRESSION_TIMESTAMP("subscriptions.email.marketing.suppression.timestamp"),
    EMAIL_SUPPRESSION_TIMESTAMP_DESC("-subscriptions.email.marketing.suppression.timestamp"),
    EMAIL_LIST_SUPPRESSION_TIMESTAMP("subscriptions.email.marketing.list_suppressions.timestamp"),
    EMAIL_LIST_SUPPRESSION_TIMESTAMP_DESC("-subscriptions.email.marketing.list_suppressions.timestamp");

    private final String wire;

    ProfileSort(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
