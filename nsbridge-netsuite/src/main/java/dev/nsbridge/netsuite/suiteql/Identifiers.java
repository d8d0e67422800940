package dev.nsbridge.netsuite.suiteql;

import dev.nsbridge.spi.errors.ConfigurationException;
import java.util.regex.Pattern;

/**
 * Table and column names that nsbridge writes into SuiteQL text. Values go in as parameters, but names cannot, so
 * a name is accepted only if it is plainly a name: letters, digits and underscores.
 */
public final class Identifiers {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{1,128}");

    private Identifiers() {
    }

    /** Answers {@code name} unchanged, or refuses it with an error that names it. */
    public static String require(String name, String role) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ConfigurationException("INVALID_IDENTIFIER", "'" + name + "' is not a valid SuiteQL " + role
                    + " name", "use the " + role + " name as NetSuite's Records Catalog spells it: only letters,"
                    + " digits and underscores");
        }
        return name;
    }
}
