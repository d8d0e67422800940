package dev.nsbridge.spi.stream;

/**
 * The types a column can carry inside nsbridge, whatever the source spoke.
 * Each names the Java class its values have in a {@link dev.nsbridge.spi.data.Batch}.
 */
public enum ColumnType {
    /** {@link String}. */
    STRING(String.class),
    /** {@link Long}. */
    INTEGER(Long.class),
    /** {@link java.math.BigDecimal}. */
    DECIMAL(java.math.BigDecimal.class),
    /** {@link Boolean}; NetSuite's T/F. */
    BOOLEAN(Boolean.class),
    /** {@link java.time.LocalDate}. */
    DATE(java.time.LocalDate.class),
    /** {@link java.time.Instant}, always UTC. */
    TIMESTAMP(java.time.Instant.class),
    /**
     * {@link dev.nsbridge.spi.data.NestedRecords}: records nested in a record, such as a sales order's lines. Only a
     * document read delivers them (a flow's orders); a table never holds them, so no warehouse column has this type.
     */
    RECORDS(dev.nsbridge.spi.data.NestedRecords.class);

    private final Class<?> javaType;

    ColumnType(Class<?> javaType) {
        this.javaType = javaType;
    }

    public Class<?> javaType() {
        return javaType;
    }

    /** The lower-case name used in configuration and JSON. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
