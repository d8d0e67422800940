package dev.nsbridge.app.ledger;

import dev.nsbridge.engine.config.ExtractConfig;
import dev.nsbridge.engine.config.NsbridgeConfig;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The three extracts that land a general ledger in one warehouse: the accounting lines, and the transactions and
 * transaction lines they are joined to for their posting period and subsidiary. Only whole tables count: an
 * extract with a filter or a query holds part of the table by design, and comparing it with all of NetSuite would
 * report that part as missing.
 *
 * @param accountingLines the extract of transactionaccountingline
 * @param transactions    the extract of transaction, from the same connection into the same warehouse
 * @param lines           the extract of transactionline, likewise
 */
public record LedgerExtracts(ExtractConfig accountingLines, ExtractConfig transactions, ExtractConfig lines) {
    static final String ACCOUNTING_LINES = "transactionaccountingline";
    static final String TRANSACTIONS = "transaction";
    static final String LINES = "transactionline";

    public LedgerExtracts {
        Objects.requireNonNull(accountingLines, "accountingLines");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(lines, "lines");
    }

    /**
     * The ledger whose accounting lines {@code extract} reads, when its two companions are configured beside it and
     * its tie-out is on; empty otherwise.
     */
    public static Optional<LedgerExtracts> tiedOutBy(NsbridgeConfig config, String extract) {
        ExtractConfig accountingLines = config.extracts().get(extract);
        if (accountingLines == null || !accountingLines.tieOut() || !reads(accountingLines, ACCOUNTING_LINES)) {
            return Optional.empty();
        }
        Optional<ExtractConfig> transactions = companion(config, accountingLines, TRANSACTIONS);
        Optional<ExtractConfig> lines = companion(config, accountingLines, LINES);
        if (transactions.isEmpty() || lines.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LedgerExtracts(accountingLines, transactions.get(), lines.get()));
    }

    private static Optional<ExtractConfig> companion(NsbridgeConfig config, ExtractConfig accountingLines,
                                                     String table) {
        return config.extracts().values().stream().filter(extract -> reads(extract, table))
                .filter(extract -> extract.connection().equals(accountingLines.connection())
                        && extract.destination().equals(accountingLines.destination()))
                .findFirst();
    }

    private static boolean reads(ExtractConfig extract, String table) {
        return extract.table().map(name -> name.toLowerCase(Locale.ROOT).equals(table)).orElse(false)
                && extract.filter().isEmpty();
    }
}
