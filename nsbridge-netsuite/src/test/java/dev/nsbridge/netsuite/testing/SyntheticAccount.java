package dev.nsbridge.netsuite.testing;

import dev.nsbridge.sandbox.netsuite.data.NetSuiteAccount;
import dev.nsbridge.sandbox.netsuite.data.SuiteQlException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sandbox account for the client's integration tests while the sandbox's own generator is being built: a
 * transactionline of any size, computed page by page (nothing held in memory), and one customer. The sandbox server
 * in front of it is the real one: its auth, lockouts, concurrency pool, faults and paging rules all apply.
 */
public final class SyntheticAccount implements NetSuiteAccount {
    private final FakeLineTable lines;

    public SyntheticAccount(int transactions, int linesPerTransaction) {
        this.lines = new FakeLineTable(transactions, linesPerTransaction);
    }

    @Override
    public QueryPage query(String suiteQl, List<String> params, int offset, int limit) throws SuiteQlException {
        String lower = suiteQl.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains(" from transactionline")) {
            if (offset != 0) {
                throw new SuiteQlException("INVALID_PARAMETER", "this synthetic table is read by key only");
            }
            FakeLineTable.Page page = lines.page(suiteQl, params, limit);
            return new QueryPage(page.items(), page.items().size() + (page.hasMore() ? 1 : 0));
        }
        if (lower.contains(" from customer")) {
            return new QueryPage(List.of(Map.of("id", "101")), 1);
        }
        String table = lower.replaceFirst("(?s).* from\\s+(\\w+).*", "$1");
        throw new SuiteQlException("INVALID_PARAMETER", "Invalid search query. Detailed unprocessed description"
                + " follows. Search error occurred: Invalid search type: " + table + ".");
    }

    public long lineCount() {
        return lines.size();
    }

    @Override
    public Optional<Map<String, Object>> getRecord(String recordType, long id) {
        return Optional.empty();
    }

    @Override
    public long createRecord(String recordType, Map<String, Object> body) throws SuiteQlException {
        throw new SuiteQlException("INVALID_PARAMETER", "records are not part of this synthetic account");
    }

    @Override
    public boolean updateRecord(String recordType, long id, Map<String, Object> body) {
        return false;
    }

    @Override
    public List<String> recordTypes() {
        return List.of("customer", "contact");
    }

    @Override
    public Optional<Map<String, Object>> recordSchema(String recordType) {
        return Optional.empty();
    }

    @Override
    public ActivityReport simulateActivity(int changes) {
        return new ActivityReport(Map.of(), Map.of(), Map.of());
    }

    @Override
    public void executeAdmin(String sql) {
    }

    @Override
    public long rowCount(String table) {
        return "transactionline".equals(table) ? lines.size() : 1;
    }

    @Override
    public void close() {
    }
}
