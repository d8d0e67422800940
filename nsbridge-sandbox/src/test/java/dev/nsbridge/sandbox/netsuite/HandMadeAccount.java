package dev.nsbridge.sandbox.netsuite;

import dev.nsbridge.sandbox.netsuite.data.NetSuiteAccount;
import dev.nsbridge.sandbox.netsuite.data.SuiteQlException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny account whose values are already NetSuite-shaped, so the server tests need no generator: three customers,
 * a synthetic table {@code bigtable} of 250,000 rows made page by page, and the records API over a map.
 */
final class HandMadeAccount implements NetSuiteAccount {
    static final long BIG_TABLE_ROWS = 250_000;
    private static final Pattern FROM = Pattern.compile("\\bfrom\\s+(\\w+)");

    private final Map<String, Map<Long, Map<String, Object>>> records = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1000);

    HandMadeAccount() {
        Map<Long, Map<String, Object>> customers = new ConcurrentHashMap<>();
        customers.put(101L, customer(101, "CUST-101", "ada@example.com", "2024-01-15T08:30:00Z"));
        customers.put(102L, customer(102, "CUST-102", "grace@example.com", "2024-02-01T17:00:00Z"));
        customers.put(103L, customer(103, "CUST-103", null, "2024-03-10T12:00:00Z"));
        records.put("customer", customers);
        records.put("contact", new ConcurrentHashMap<>());
    }

    private static Map<String, Object> customer(long id, String entityId, String email, String created) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", String.valueOf(id));
        record.put("entityId", entityId);
        if (email != null) {
            record.put("email", email);
        }
        record.put("dateCreated", created);
        return record;
    }

    @Override
    public QueryPage query(String suiteQl, List<String> params, int offset, int limit) throws SuiteQlException {
        Matcher from = FROM.matcher(suiteQl.toLowerCase(Locale.ROOT));
        String table = from.find() ? from.group(1) : "";
        if (table.equals("customer")) {
            List<Map<String, String>> rows = new ArrayList<>();
            records.get("customer").values().stream()
                    .sorted((a, b) -> Long.compare(Long.parseLong((String) a.get("id")),
                            Long.parseLong((String) b.get("id"))))
                    .forEach(record -> rows.add(row(record)));
            int from0 = Math.min(offset, rows.size());
            return new QueryPage(rows.subList(from0, Math.min(rows.size(), offset + limit)), rows.size());
        }
        if (table.equals("bigtable")) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (long id = offset + 1; id <= Math.min(BIG_TABLE_ROWS, offset + (long) limit); id++) {
                rows.add(Map.of("id", String.valueOf(id)));
            }
            return new QueryPage(rows, BIG_TABLE_ROWS);
        }
        throw new SuiteQlException("INVALID_PARAMETER", "Invalid search query. Detailed unprocessed description"
                + " follows. Search error occurred: Invalid search type: " + table + ".");
    }

    /** SuiteQL's view of a customer: lower-case keys, M/D/YYYY dates, NULLs left out, booleans as T/F. */
    private static Map<String, String> row(Map<String, Object> record) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", (String) record.get("id"));
        row.put("entityid", (String) record.get("entityId"));
        if (record.get("email") != null) {
            row.put("email", (String) record.get("email"));
        }
        String created = (String) record.get("dateCreated");
        row.put("datecreated", Integer.parseInt(created.substring(5, 7)) + "/"
                + Integer.parseInt(created.substring(8, 10)) + "/" + created.substring(0, 4));
        row.put("isperson", "F");
        return row;
    }

    @Override
    public Optional<Map<String, Object>> getRecord(String recordType, long id) {
        return Optional.ofNullable(records.getOrDefault(recordType, Map.of()).get(id)).map(LinkedHashMap::new);
    }

    @Override
    public long createRecord(String recordType, Map<String, Object> body) throws SuiteQlException {
        if (body.containsKey("email") && !String.valueOf(body.get("email")).contains("@")) {
            throw new SuiteQlException("USER_ERROR", "Error while accessing a resource. Please enter a valid email"
                    + " address.");
        }
        long id = nextId.incrementAndGet();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", String.valueOf(id));
        record.putAll(body);
        records.get(recordType).put(id, record);
        return id;
    }

    @Override
    public boolean updateRecord(String recordType, long id, Map<String, Object> body) {
        Map<String, Object> record = records.getOrDefault(recordType, Map.of()).get(id);
        if (record == null) {
            return false;
        }
        record.putAll(body);
        return true;
    }

    @Override
    public List<String> recordTypes() {
        return List.of("customer", "contact");
    }

    @Override
    public List<String> schemaTypes() {
        return recordTypes();
    }

    @Override
    public Optional<Map<String, Object>> recordSchema(String recordType) {
        if (!recordTypes().contains(recordType)) {
            return Optional.empty();
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("entityId", Map.of("type", "string", "title", "ID"));
        properties.put("custentity_klaviyo_id", Map.of("type", "string", "title", "Klaviyo Profile ID"));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        return Optional.of(schema);
    }

    @Override
    public ActivityReport simulateActivity(int changes) {
        return new ActivityReport(Map.of(), Map.of(), Map.of());
    }

    @Override
    public void executeAdmin(String sql) {
        throw new UnsupportedOperationException("the hand-made account runs no SQL");
    }

    @Override
    public long rowCount(String table) {
        return table.equals("bigtable") ? BIG_TABLE_ROWS : records.getOrDefault(table, Map.of()).size();
    }

    @Override
    public void close() {
    }
}
