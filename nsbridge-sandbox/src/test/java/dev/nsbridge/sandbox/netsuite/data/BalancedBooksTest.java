package dev.nsbridge.sandbox.netsuite.data;

import static dev.nsbridge.sandbox.netsuite.data.Accounts.all;
import static dev.nsbridge.sandbox.netsuite.data.Accounts.one;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated books hold together the way an accountant checks them, read through SuiteQL: each posting
 * transaction balances in each book, posts in a period of its subsidiary's fiscal calendar, and every child
 * subsidiary's amounts can be translated into the parent's currency for every period.
 */
final class BalancedBooksTest {
    private static NetSuiteAccount small;
    private static NetSuiteAccount larger;

    @BeforeAll
    static void generate() {
        small = Accounts.small(Accounts.clock());
        larger = GeneratedAccount.generate("1234567_SB1", 7, 0.3, Accounts.LOS_ANGELES, Accounts.clock());
        // A live account changes between syncs; the books must still balance after that.
        larger.simulateActivity(200);
    }

    @AfterAll
    static void close() {
        small.close();
        larger.close();
    }

    /** The accounts are shared by every test and closed once, after them all. */
    static Stream<Arguments> accounts() {
        return Stream.of(Arguments.of("small", small), Arguments.of("larger, after activity", larger));
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("accounts")
    void shouldBalanceDebitsAndCreditsInEveryTransactionAndBook(String name, NetSuiteAccount account)
            throws SuiteQlException {
        assertThat(all(account, "SELECT transaction, accountingbook, SUM(NVL(debit, 0)) AS debits,"
                + " SUM(NVL(credit, 0)) AS credits, SUM(amount) AS total FROM transactionaccountingline"
                + " WHERE posting = 'T' GROUP BY transaction, accountingbook"
                + " HAVING SUM(NVL(debit, 0)) <> SUM(NVL(credit, 0)) OR SUM(amount) <> 0")).isEmpty();
        assertThat(all(account, "SELECT DISTINCT t.type FROM transaction t JOIN transactionaccountingline a"
                + " ON a.transaction = t.id")).extracting(row -> row.get("type"))
                .contains("CustInvc", "VendBill", "Journal");
        assertThat(one(account, "SELECT COUNT(*) FROM transactionaccountingline WHERE"
                + " (debit IS NULL) = (credit IS NULL) OR amount <> NVL(debit, 0) - NVL(credit, 0)")).isEqualTo("0");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("accounts")
    void shouldPostOnlyOnPostingTransactionsAndPostEveryOne(String name, NetSuiteAccount account)
            throws SuiteQlException {
        assertThat(one(account, "SELECT COUNT(*) FROM transactionaccountingline a JOIN transaction t"
                + " ON t.id = a.transaction WHERE t.posting = 'F' AND a.posting = 'T'")).isEqualTo("0");
        assertThat(one(account, "SELECT COUNT(*) FROM transaction t WHERE t.posting = 'T' AND NOT EXISTS"
                + " (SELECT 1 FROM transactionaccountingline a WHERE a.transaction = t.id AND a.posting = 'T')"))
                .isEqualTo("0");
        // Orders and fulfillments here carry no amounts to the ledger; NetSuite's sales order never posts.
        assertThat(one(account, "SELECT COUNT(*) FROM transaction WHERE type = 'SalesOrd' AND posting = 'T'"))
                .isEqualTo("0");
        assertThat(one(account, "SELECT COUNT(*) FROM transactionaccountingline a JOIN transaction t"
                + " ON t.id = a.transaction JOIN transactionline l ON l.transaction = a.transaction"
                + " AND l.id = a.transactionline WHERE l.subsidiary <> t.subsidiary")).isEqualTo("0");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("accounts")
    void shouldPostEveryTransactionInAPostingPeriodOfItsSubsidiarysCalendarThatHoldsItsDate(String name,
            NetSuiteAccount account) throws SuiteQlException {
        String posting = "SELECT COUNT(*) FROM transaction t WHERE t.posting = 'T'";
        assertThat(one(account, posting)).isNotEqualTo("0");
        assertThat(one(account, posting + " AND EXISTS (SELECT 1 FROM subsidiary s"
                + " JOIN accountingperiodfiscalcalendars c ON c.fiscalcalendar = s.fiscalcalendar"
                + " JOIN accountingperiod p ON p.id = c.accountingperiod WHERE s.id = t.subsidiary"
                + " AND p.id = t.postingperiod AND p.isposting = 'T' AND p.isyear = 'F' AND p.isquarter = 'F'"
                + " AND t.trandate BETWEEN p.startdate AND p.enddate)")).isEqualTo(one(account, posting));
        // Several calendars, so that "its subsidiary's calendar" is a real condition.
        assertThat(one(account, "SELECT COUNT(DISTINCT fiscalcalendar) FROM subsidiary")).isNotEqualTo("1");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("accounts")
    void shouldNestEveryPeriodInItsCalendarsQuarterAndYear(String name, NetSuiteAccount account)
            throws SuiteQlException {
        assertThat(one(account, "SELECT COUNT(*) FROM accountingperiodfiscalcalendars c JOIN accountingperiod p"
                + " ON p.id = c.accountingperiod JOIN accountingperiod q ON q.id = c.parent"
                + " JOIN accountingperiodfiscalcalendars qc ON qc.accountingperiod = q.id"
                + " AND qc.fiscalcalendar = c.fiscalcalendar WHERE p.isposting = 'T'"
                + " AND (q.isquarter = 'F' OR p.startdate < q.startdate OR p.enddate > q.enddate)")).isEqualTo("0");
        assertThat(one(account, "SELECT COUNT(*) FROM accountingperiod p, fiscalcalendar f WHERE p.isposting = 'T'"
                + " AND NOT EXISTS (SELECT 1 FROM accountingperiodfiscalcalendars c WHERE c.accountingperiod = p.id"
                + " AND c.fiscalcalendar = f.id AND c.parent IS NOT NULL)")).isEqualTo("0");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("accounts")
    void shouldGiveEveryChildSubsidiaryOneSetOfRatesIntoTheParentForEveryPostingPeriod(String name,
            NetSuiteAccount account) throws SuiteQlException {
        List<Map<String, String>> top = all(account, "SELECT id, currency FROM subsidiary WHERE parent IS NULL");
        assertThat(top).hasSize(1);
        assertThat(one(account, "SELECT COUNT(*) FROM subsidiary WHERE parent IS NOT NULL AND currency <> ?",
                top.get(0).get("currency"))).isNotEqualTo("0");
        assertThat(one(account, "SELECT COUNT(*) FROM accountingperiod p, subsidiary s WHERE p.isposting = 'T'"
                + " AND s.parent IS NOT NULL AND (SELECT COUNT(*) FROM consolidatedexchangerate r"
                + " WHERE r.postingperiod = p.id AND r.fromsubsidiary = s.id AND r.tosubsidiary = ?"
                + " AND r.accountingbook = 1 AND r.fromcurrency = s.currency AND r.currentrate > 0"
                + " AND r.averagerate > 0 AND r.historicalrate > 0) <> 1", top.get(0).get("id"))).isEqualTo("0");
        assertThat(one(account, "SELECT COUNT(*) FROM account WHERE LOWER(generalrate) NOT IN"
                + " ('current', 'average', 'historical') OR generalrate IS NULL")).isEqualTo("0");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("accounts")
    void shouldKeepOnePrimaryBookThatEverySubsidiaryPostsTo(String name, NetSuiteAccount account)
            throws SuiteQlException {
        assertThat(all(account, "SELECT id FROM accountingbook WHERE isprimary = 'T'"))
                .containsExactly(Map.of("id", "1"));
        assertThat(one(account, "SELECT COUNT(*) FROM subsidiary s WHERE NOT EXISTS (SELECT 1 FROM"
                + " accountingbooksubsidiaries b JOIN accountingbook k ON k.id = b.accountingbook"
                + " WHERE b.subsidiary = s.id AND k.isprimary = 'T' AND b.status = 'ACTIVE')")).isEqualTo("0");
        assertThat(one(account, "SELECT COUNT(*) FROM transactionaccountingline a JOIN transaction t"
                + " ON t.id = a.transaction WHERE NOT EXISTS (SELECT 1 FROM accountingbooksubsidiaries b"
                + " WHERE b.accountingbook = a.accountingbook AND b.subsidiary = t.subsidiary)")).isEqualTo("0");
    }
}
