package dev.nsbridge.warehouse;

import dev.nsbridge.spi.errors.ConfigurationException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A warehouse table, optionally in a schema, as the destination table setting names it.
 *
 * <p>Names are lower-cased and limited to plain identifiers, so a user never has to quote them in their own
 * queries and nothing in a setting can reach SQL unquoted. The length cap leaves room for the staging suffix
 * within PostgreSQL's 63-byte identifiers.
 */
public record TableName(Optional<String> schema, String table) {
    public static final String SETTING = "destination table";
    static final int MAX_LENGTH = 48;
    private static final Pattern PART = Pattern.compile("[a-z_][a-z0-9_]{0,47}");
    private static final String RESERVED_PREFIX = "_nsbridge";
    private static final String ALLOWED = "a table name, optionally prefixed by a schema name and a dot"
            + " (schema.table); each name starts with a letter or underscore, has only letters, digits and"
            + " underscores, is at most " + MAX_LENGTH + " characters long and does not start with '"
            + RESERVED_PREFIX + "'";

    public TableName {
        schema.ifPresent(TableName::checkPart);
        checkPart(table);
    }

    /** Parses the destination table setting, refusing anything but {@code table} or {@code schema.table}. */
    public static TableName parse(String target) {
        String value = target == null ? "" : target.strip().toLowerCase(Locale.ROOT);
        String[] parts = value.split("\\.", -1);
        if (parts.length > 2 || parts.length == 0) {
            throw refused(target);
        }
        for (String part : parts) {
            if (!PART.matcher(part).matches() || part.startsWith(RESERVED_PREFIX)) {
                throw refused(target);
            }
        }
        return parts.length == 2 ? new TableName(Optional.of(parts[0]), parts[1])
                : new TableName(Optional.empty(), parts[0]);
    }

    /** A table beside this one in the same schema; names made here are trusted, so they skip the reserved check. */
    public TableName sibling(String name) {
        return new TableName(schema, name);
    }

    /** The name as SQL, each part quoted. */
    public String sql() {
        return schema.map(s -> Identifiers.quote(s) + ".").orElse("") + Identifiers.quote(table);
    }

    @Override
    public String toString() {
        return schema.map(s -> s + ".").orElse("") + table;
    }

    private static void checkPart(String part) {
        if (!PART.matcher(part).matches()) {
            throw refused(part);
        }
    }

    private static ConfigurationException refused(String target) {
        String shown = target == null ? "(none)" : "'" + printable(target) + "'";
        return new ConfigurationException("CONFIG_INVALID_VALUE",
                "The " + SETTING + " " + shown + " is not allowed.",
                "Set the " + SETTING + " to " + ALLOWED + ", e.g. customer or netsuite.customer.");
    }

    private static String printable(String text) {
        String cut = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        StringBuilder out = new StringBuilder();
        cut.codePoints().forEach(c -> out.append(Character.isISOControl(c) ? "?" : Character.toString(c)));
        return out.toString();
    }
}
