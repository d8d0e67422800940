package dev.nsbridge.warehouse;

import dev.nsbridge.spi.errors.InternalException;
import dev.nsbridge.spi.stream.Column;

/** Checks a batch value against its column before a bulk path writes it, so a source's bug reads plainly. */
public final class Values {
    private Values() {
    }

    /** The value as its column's Java type, or null; a value of another type is a bug in the source. */
    public static <T> T as(Class<T> type, Object value, Column column) {
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        throw new InternalException("WAREHOUSE_VALUE_TYPE", "Column '" + column.name() + "' is declared "
                + column.type().wireName() + " but a row carries a " + value.getClass().getSimpleName() + ".",
                "Report this: the source delivered a value that does not match its column's type.");
    }
}
