package dev.nsbridge.flows.customers;

import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.suiteql.Identifiers;
import dev.nsbridge.netsuite.suiteql.SuiteQl;
import dev.nsbridge.netsuite.suiteql.SuiteQlRows;
import dev.nsbridge.netsuite.suiteql.SuiteQlSelect;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The active customers whose Klaviyo profile id field is still empty, in groups: what the write-back has not done
 * yet, whether its PATCH was lost with a process, left out of a full queue, refused, or the profile was not yet
 * in Klaviyo. Reading NetSuite's own field makes the write-back re-derivable from the two systems alone. Only ids
 * are read, 1,000 a page, of customers with an email or a phone (one with neither is never sent). A customer that
 * has one but was refused is read every time and then not found in Klaviyo, which costs a lookup per 100 such
 * customers a run. The flow's own filter and subsidiaries are not applied: a profile Klaviyo holds under a
 * customer's NetSuite id as its external id is that customer's, whoever sent it.
 */
final class MissingProfileIds {
    private static final String ID = "id";

    private final NetSuiteClient netSuite;
    private final String field;

    MissingProfileIds(NetSuiteClient netSuite, String field) {
        this.netSuite = netSuite;
        this.field = Identifiers.require(field, "column");
    }

    /** Hands the missing customers' ids to {@code group}, {@code size} at a time, in id order. */
    void forEachGroup(int size, Consumer<List<String>> group) {
        SuiteQlSelect select = SuiteQlSelect.from("customer", List.of(new Column(ID, ColumnType.INTEGER)))
                .where(new SuiteQlSelect.Condition(field + " IS NULL AND isinactive = 'F'"
                        + " AND (email IS NOT NULL OR phone IS NOT NULL)", List.of()));
        List<String> pending = new ArrayList<>(size);
        try (SuiteQlRows rows = netSuite.suiteQl().readByKeyset(select, List.of(ID), SuiteQl.MAX_LIMIT)) {
            while (rows.hasNext()) {
                pending.add(rows.next().string(ID));
                if (pending.size() == size) {
                    group.accept(List.copyOf(pending));
                    pending.clear();
                }
            }
        }
        if (!pending.isEmpty()) {
            group.accept(List.copyOf(pending));
        }
    }
}
