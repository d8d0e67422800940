package dev.nsbridge.netsuite.suiteql;

import java.util.List;
import java.util.Objects;

/**
 * A SuiteQL statement and the values for its {@code ?} placeholders. Values travel as strings, as NetSuite wants
 * them, and never become part of the text, so no value can change what the query does.
 */
public record SuiteQlQuery(String text, List<String> params) {
    public SuiteQlQuery {
        Objects.requireNonNull(text, "text");
        params = List.copyOf(params);
    }

    public static SuiteQlQuery of(String text, String... params) {
        return new SuiteQlQuery(text, List.of(params));
    }
}
