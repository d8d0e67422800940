package dev.nsbridge.warehouse;

import dev.nsbridge.spi.errors.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Column names from a stream, made safe for SQL by quoting rather than by refusing what a source may name. */
public final class Identifiers {
    /** PostgreSQL silently truncates longer names, which could make two columns one. */
    private static final int MAX_BYTES = 63;

    private Identifiers() {
    }

    /** Quotes an identifier, doubling any quote inside it. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The stored spelling of a stream's column: lower case, so queries need no quotes and matching is simple. */
    public static String column(String streamColumn) {
        String name = streamColumn.toLowerCase(Locale.ROOT);
        if (name.indexOf('\0') >= 0 || name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new ConfigurationException("CONFIG_INVALID_COLUMN",
                    "The column '" + name.replace('\0', '?') + "' cannot be stored in a warehouse table.",
                    "Leave the column out of the extract, or rename it in a query: a warehouse column name is at most "
                            + MAX_BYTES + " bytes and holds no NUL character.");
        }
        return name;
    }

    /** {@link #column} quoted for SQL. */
    public static String quotedColumn(String streamColumn) {
        return quote(column(streamColumn));
    }
}
