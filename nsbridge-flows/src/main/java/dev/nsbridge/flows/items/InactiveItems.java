package dev.nsbridge.flows.items;

/** What the items flow does in Klaviyo with an item that became inactive in NetSuite. */
public enum InactiveItems {
    /** Kept in the catalog with {@code published: false}, so past events still show it. */
    UNPUBLISH,
    /** Deleted from the catalog, variants and all. */
    DELETE
}
