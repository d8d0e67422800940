package dev.nsbridge.warehouse;

/** The columns nsbridge adds to every table it loads. */
public final class MetaColumns {
    /** When the run that last wrote the row started, UTC. */
    public static final String EXTRACTED_AT = "_nsbridge_extracted_at";
    /** True once the source deleted the row (merge with deletes = flag). */
    public static final String DELETED = "_nsbridge_deleted";
    /** The table that keeps each pipeline's committed state, in the schema of the pipeline's table. */
    public static final String STATE_TABLE = "_nsbridge_state";

    private MetaColumns() {
    }

    public static boolean isMeta(String column) {
        return column.equalsIgnoreCase(EXTRACTED_AT) || column.equalsIgnoreCase(DELETED);
    }
}
