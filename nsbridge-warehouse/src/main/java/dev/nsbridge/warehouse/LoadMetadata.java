package dev.nsbridge.warehouse;

import dev.nsbridge.spi.config.ConfigKey;

/**
 * Which load metadata a warehouse connection lands beside the source's columns: nsbridge's own only, or also the
 * columns and value forms that modelling packages written for Fivetran-landed NetSuite data read.
 */
public enum LoadMetadata {
    /** {@code _nsbridge_extracted_at} and {@code _nsbridge_deleted}; flags as booleans, dates as dates. */
    NSBRIDGE,
    /**
     * nsbridge's own columns and, beside them, {@code _fivetran_synced}, {@code _fivetran_deleted},
     * {@code _fivetran_active}, {@code _fivetran_id} and {@code date_deleted}; NetSuite's T/F flags land as the text
     * 'T'/'F' and its dates as timestamps, the types such packages declare and compare with ({@code = 'T'}).
     */
    FIVETRAN;

    /** The connection key, shared by every warehouse connection type. */
    public static final ConfigKey<LoadMetadata> KEY = ConfigKey.enumeration("load_metadata", LoadMetadata.class,
            "Which load metadata every table gets: nsbridge (_nsbridge_extracted_at, _nsbridge_deleted) or"
                    + " fivetran (those and _fivetran_synced, _fivetran_deleted, _fivetran_active, _fivetran_id,"
                    + " date_deleted, with T/F flags as text and dates as timestamps, as modelling packages for"
                    + " Fivetran-landed NetSuite data read them). Changing it needs a --full-refresh.")
            .withDefault(NSBRIDGE);
}
