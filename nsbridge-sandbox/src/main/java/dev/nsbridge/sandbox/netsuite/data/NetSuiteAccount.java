package dev.nsbridge.sandbox.netsuite.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One sandbox NetSuite account's data, as SuiteQL and the records API see it. Thread-safe: the server calls it
 * from many request threads at once.
 */
public interface NetSuiteAccount extends AutoCloseable {

    /**
     * Runs one page of a SuiteQL query and answers it the way NetSuite does: lower-case keys, every value a
     * string, booleans "T"/"F", DATE and DATETIME columns in M/D/YYYY unless the query projects them with
     * TO_CHAR, NULL columns left out of the item.
     *
     * @param params values for {@code ?} placeholders, as strings
     * @throws SuiteQlException with NetSuite's own detail text when the query is not valid SuiteQL
     */
    QueryPage query(String suiteQl, List<String> params, int offset, int limit) throws SuiteQlException;

    /** The records API's view of one record (ISO 8601 UTC dates, custom fields included), if it exists. */
    Optional<Map<String, Object>> getRecord(String recordType, long id);

    /** Creates a record from a records-API body and answers its new internal id. */
    long createRecord(String recordType, Map<String, Object> body) throws SuiteQlException;

    /** Applies a records-API PATCH body; false when no such record exists. */
    boolean updateRecord(String recordType, long id, Map<String, Object> body) throws SuiteQlException;

    /** The record types the records API serves here (customer and contact at least). */
    List<String> recordTypes();

    /** The record types {@code metadata-catalog} lists, custom record types (customrecord_*) included. */
    List<String> schemaTypes();

    /** The JSON schema of a record type, custom fields included, as {@code metadata-catalog} answers it. */
    Optional<Map<String, Object>> recordSchema(String recordType);

    /**
     * Makes the account change the way a live one does between two syncs (new and edited customers and orders,
     * lines removed from orders, deleted records), stamping the changes with the account's clock.
     */
    ActivityReport simulateActivity(int changes);

    /** Runs SQL directly on the engine behind SuiteQL, for tests that need an exact change. Not on the wire. */
    void executeAdmin(String sql);

    /** How many rows a table holds now. */
    long rowCount(String table);

    @Override
    void close();

    /** One page of a query's answer, before the server wraps it in links, count and hasMore. */
    record QueryPage(List<Map<String, String>> items, long totalResults) {
        public QueryPage {
            items = List.copyOf(items);
        }
    }

    /** What {@link #simulateActivity} changed, by table. */
    record ActivityReport(Map<String, Integer> inserted, Map<String, Integer> updated, Map<String, Integer> deleted) {
    }
}
