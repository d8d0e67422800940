package dev.nsbridge.app.ledger;

import dev.nsbridge.warehouse.Identifiers;
import dev.nsbridge.warehouse.MetaColumns;
import dev.nsbridge.warehouse.TableName;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ledger's totals per posting period and subsidiary as the warehouse holds them: the same joins NetSuite's
 * aggregate makes, over the landed tables, leaving out rows nsbridge flagged deleted (a ledger model leaves them out
 * too). Plain SQL that DuckDB and PostgreSQL both run.
 */
final class WarehouseLedgerTotals {
    private WarehouseLedgerTotals() {
    }

    static Map<LedgerGroup, LedgerSums> read(Connection connection, LedgerExtracts ledger) throws SQLException {
        String accountingLines = TableName.parse(ledger.accountingLines().destinationTable()).sql();
        String transactions = TableName.parse(ledger.transactions().destinationTable()).sql();
        String lines = TableName.parse(ledger.lines().destinationTable()).sql();
        String transaction = Identifiers.quote("transaction");
        String deleted = Identifiers.quote(MetaColumns.DELETED);
        String sql = "SELECT t.postingperiod, tl.subsidiary, COUNT(*), SUM(tal.debit), SUM(tal.credit)"
                + " FROM " + accountingLines + " tal"
                + " JOIN " + transactions + " t ON t.id = tal." + transaction
                + " JOIN " + lines + " tl ON tl." + transaction + " = tal." + transaction
                + " AND tl.id = tal.transactionline"
                + " WHERE tal." + deleted + " IS NOT TRUE AND t." + deleted + " IS NOT TRUE"
                + " AND tl." + deleted + " IS NOT TRUE"
                + " GROUP BY t.postingperiod, tl.subsidiary";
        Map<LedgerGroup, LedgerSums> totals = new TreeMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                totals.put(new LedgerGroup(optionalLong(rows, 1), optionalLong(rows, 2)),
                        new LedgerSums(rows.getLong(3), orZero(rows.getBigDecimal(4)), orZero(rows.getBigDecimal(5))));
            }
        }
        return totals;
    }

    private static Optional<Long> optionalLong(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
