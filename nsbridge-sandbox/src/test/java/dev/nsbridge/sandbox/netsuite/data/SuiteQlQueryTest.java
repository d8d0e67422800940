package dev.nsbridge.sandbox.netsuite.data;

import static dev.nsbridge.sandbox.netsuite.data.Accounts.all;
import static dev.nsbridge.sandbox.netsuite.data.Accounts.one;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class SuiteQlQueryTest {
    private static NetSuiteAccount account;
    private static long customer;

    @BeforeAll
    static void generate() throws SuiteQlException {
        account = Accounts.small(Accounts.clock());
        customer = Long.parseLong(one(account, "SELECT MIN(id) FROM customer"));
        account.executeAdmin("UPDATE customer SET datecreated = TIMESTAMP '2024-03-05 07:08:09', balance = 12.50, "
                + "phone = NULL, custentity_loyalty_points = 10000000, globalsubscriptionstatus = 2 WHERE id = " + customer);
    }

    @AfterAll
    static void close() {
        account.close();
    }

    private static Map<String, String> row(String query, String... params) throws SuiteQlException {
        return account.query(query, List.of(params), 0, 1000).items().get(0);
    }

    @Test
    void shouldAnswerLowerCaseKeysAndStringValues() throws SuiteQlException {
        assertThat(row("SELECT ID, EntityId AS Name FROM customer WHERE id = ?", String.valueOf(customer)))
                .containsOnlyKeys("id", "name").containsEntry("id", String.valueOf(customer));
    }

    @Test
    void shouldRenderDatesInTheUsersFormat() throws SuiteQlException {
        assertThat(row("SELECT datecreated FROM customer WHERE id = ?", String.valueOf(customer)))
                .containsEntry("datecreated", "3/5/2024");
    }

    @Test
    void shouldRenderDatesProjectedWithToCharExactly() throws SuiteQlException {
        assertThat(row("SELECT TO_CHAR(datecreated, 'YYYY-MM-DD HH24:MI:SS') AS created FROM customer WHERE id = ?",
                String.valueOf(customer))).containsEntry("created", "2024-03-05 07:08:09");
    }

    @Test
    void shouldFilterWithToDate() throws SuiteQlException {
        assertThat(all(account, "SELECT id FROM customer WHERE datecreated = TO_DATE(?, 'YYYY-MM-DD HH24:MI:SS')",
                "2024-03-05 07:08:09")).containsExactly(Map.of("id", String.valueOf(customer)));
    }

    @Test
    void shouldReadAQueryWrappedAsAnInlineViewWithItsDatesComparedThroughToDate() throws SuiteQlException {
        String inner = "SELECT c.id AS cid, TO_CHAR(c.datecreated, 'YYYY-MM-DD HH24:MI:SS') AS created"
                + " FROM customer c -- a comment ends the user's query";
        String outer = "SELECT cid, created FROM (\n" + inner + "\n) q WHERE (TO_DATE(created,"
                + " 'YYYY-MM-DD HH24:MI:SS') >= TO_DATE(?, 'YYYY-MM-DD HH24:MI:SS')) AND (cid = ?) ORDER BY created, cid";

        assertThat(all(account, outer, "2024-03-05 07:08:09", String.valueOf(customer)))
                .containsExactly(Map.of("cid", String.valueOf(customer), "created", "2024-03-05 07:08:09"));
        assertThat(all(account, outer, "2024-03-05 07:08:10", String.valueOf(customer))).isEmpty();
    }

    @Test
    void shouldServeACustomRecordTypeAsATableWithTheFieldsItsSchemaLists() throws SuiteQlException {
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) account.recordSchema("customrecord_loyalty_tier")
                .orElseThrow().get("properties");
        List<String> custom = properties.keySet().stream().filter(name -> name.startsWith("custrecord")).toList();

        List<Map<String, String>> rows = all(account, "SELECT id, name, TO_CHAR(lastmodified, 'YYYY-MM-DD"
                + " HH24:MI:SS') AS changed, " + String.join(", ", custom) + " FROM customrecord_loyalty_tier");

        assertThat(account.schemaTypes()).contains("customrecord_loyalty_tier");
        assertThat(custom).isNotEmpty();
        assertThat(rows).hasSize((int) account.rowCount("customrecord_loyalty_tier")).isNotEmpty()
                .allSatisfy(row -> assertThat(row).containsKeys("id", "name", "changed"));
    }

    @Test
    void shouldPageAQueryEndingInALineComment() throws SuiteQlException {
        NetSuiteAccount.QueryPage page = account.query("SELECT id FROM customer ORDER BY id -- first ones",
                List.of(), 2, 2);

        assertThat(page.items()).hasSize(2);
        assertThat(page.totalResults()).isEqualTo(account.rowCount("customer"));
    }

    @Test
    void shouldLeaveNullColumnsOutOfTheItem() throws SuiteQlException {
        assertThat(row("SELECT id, phone FROM customer WHERE id = ?", String.valueOf(customer))).containsOnlyKeys("id");
    }

    @Test
    void shouldRenderBooleansAsTAndF() throws SuiteQlException {
        assertThat(all(account, "SELECT DISTINCT mainline FROM transactionline ORDER BY mainline"))
                .extracting(item -> item.get("mainline")).containsExactly("F", "T");
    }

    @Test
    void shouldRenderNumbersPlain() throws SuiteQlException {
        assertThat(row("SELECT balance, custentity_loyalty_points AS points, balance * 0 AS zero FROM customer "
                + "WHERE id = ?", String.valueOf(customer)))
                .containsEntry("balance", "12.5").containsEntry("points", "10000000").containsEntry("zero", "0");
    }

    @Test
    void shouldConcatenateWithPipes() throws SuiteQlException {
        assertThat(row("SELECT entityid || ' / ' || id AS label FROM customer WHERE id = ?", String.valueOf(customer)))
                .containsEntry("label", "CUST" + customer + " / " + customer);
    }

    @Test
    void shouldAnswerDisplayTextForBuiltinDf() throws SuiteQlException {
        assertThat(row("SELECT BUILTIN.DF(c.globalsubscriptionstatus) AS consent, BUILTIN.DF(subsidiary) AS sub "
                + "FROM customer c WHERE c.id = ?", String.valueOf(customer)))
                .containsEntry("consent", "Soft Opt-Out").containsKey("sub");
        Map<String, String> order = row("SELECT BUILTIN.DF(t.status) AS status, BUILTIN.DF(t.type) AS type, "
                + "BUILTIN.DF(t.entity) AS entity, BUILTIN.DF(t.currency) AS currency FROM transaction t "
                + "WHERE t.type = 'SalesOrd' AND t.status = 'C'");
        assertThat(order).containsEntry("status", "Sales Order : Cancelled").containsEntry("type", "Sales Order");
        assertThat(order.get("entity")).startsWith("CUST");
    }

    @Test
    void shouldSelectStar() throws SuiteQlException {
        assertThat(row("SELECT * FROM customer WHERE id = ?", String.valueOf(customer)))
                .containsKeys("id", "entityid", "custentity_loyalty_points", "globalsubscriptionstatus");
    }

    @Test
    void shouldCountTheWholeQueryInTotalResults() throws SuiteQlException {
        NetSuiteAccount.QueryPage page = account.query("SELECT id FROM transaction ORDER BY id", List.of(), 10, 10);
        assertThat(page.items()).hasSize(10);
        assertThat(page.totalResults()).isEqualTo(account.rowCount("transaction"));
    }

    @Test
    void shouldCountKeysetPagesLikeTheFullQuery() throws SuiteQlException {
        String keyset = "SELECT transaction, id, BUILTIN.DF(item) AS item FROM transactionline WHERE transaction > ? "
                + "ORDER BY transaction, id";
        String composite = "SELECT transaction, id FROM transactionline tl WHERE tl.transaction > ? "
                + "OR (tl.transaction = ? AND tl.id > ?) ORDER BY tl.transaction, tl.id";
        for (String bound : List.of("0", "17", "150", "100000")) {
            long expected = Long.parseLong(one(account, "SELECT COUNT(*) FROM transactionline WHERE transaction > ?",
                    bound));
            assertThat(account.query(keyset, List.of(bound), 0, 5).totalResults()).isEqualTo(expected);
            long withSame = Long.parseLong(one(account, "SELECT COUNT(*) FROM transactionline WHERE transaction > ? "
                    + "OR (transaction = ? AND id > ?)", bound, bound, "0"));
            assertThat(account.query(composite, List.of(bound, bound, "0"), 0, 5).totalResults()).isEqualTo(withSame);
        }
    }

    @Test
    void shouldSelectTopRowsAfterOrdering() throws SuiteQlException {
        List<Map<String, String>> ordered = all(account, "SELECT id FROM customer ORDER BY id DESC");

        assertThat(all(account, "SELECT TOP 3 id FROM customer ORDER BY id DESC")).isEqualTo(ordered.subList(0, 3));
        assertThat(all(account, "select distinct top 2 id from customer order by id desc"))
                .isEqualTo(ordered.subList(0, 2));
        assertThat(one(account, "SELECT COUNT(*) FROM (SELECT TOP 5 id FROM customer ORDER BY id)")).isEqualTo("5");
        NetSuiteAccount.QueryPage second = account.query("SELECT TOP 10 id FROM customer ORDER BY id DESC", List.of(),
                5, 5);
        assertThat(second.items()).isEqualTo(ordered.subList(5, 10));
        assertThat(second.totalResults()).isEqualTo(10);
    }

    @Test
    void shouldLimitRowsWithRownum() throws SuiteQlException {
        assertThat(all(account, "SELECT id FROM customer WHERE ROWNUM <= 4")).hasSize(4);
        List<Map<String, String>> ordered = all(account, "SELECT id FROM customer ORDER BY id");
        assertThat(all(account, "SELECT id FROM (SELECT ROWNUM AS rn, x.id FROM (SELECT id FROM customer ORDER BY id) x)"
                + " WHERE rn BETWEEN 3 AND 5")).isEqualTo(ordered.subList(2, 5));
    }

    @Test
    void shouldCompareADateColumnWithAStringInTheUsersDateFormat() throws SuiteQlException {
        String id = String.valueOf(customer);

        // datecreated is 2024-03-05 07:08:09: after midnight of 3/5/2024, before that of 3/6/2024.
        assertThat(all(account, "SELECT id FROM customer WHERE id = ? AND datecreated >= '3/5/2024'", id)).hasSize(1);
        assertThat(all(account, "SELECT id FROM customer WHERE id = ? AND '3/6/2024' > datecreated", id)).hasSize(1);
        assertThat(all(account, "SELECT id FROM customer WHERE id = ? AND datecreated = '3/5/2024'", id)).isEmpty();
        assertThat(all(account, "SELECT id FROM customer c WHERE c.id = ? AND c.datecreated BETWEEN '03/05/2024'"
                + " AND '3/6/2024'", id)).hasSize(1);
        assertThat(all(account, "SELECT id FROM customer WHERE id = ? AND datecreated < ?", id, "3/5/2024")).isEmpty();
    }

    @Test
    void shouldRefuseADateStringThatIsNotInTheUsersDateFormat() {
        for (String query : List.of("SELECT id FROM customer WHERE datecreated >= '2024-03-05'",
                "SELECT id FROM customer WHERE datecreated >= '13/5/2024'")) {
            assertThatThrownBy(() -> account.query(query, List.of(), 0, 10))
                    .isInstanceOfSatisfying(SuiteQlException.class,
                            e -> assertThat(e.errorCode()).isEqualTo("INVALID_PARAMETER"))
                    .hasMessageStartingWith("Invalid search query. Detailed unprocessed description follows. ");
        }
        assertThatThrownBy(() -> account.query("SELECT id FROM customer WHERE datecreated >= ?", List.of("2024-03-05"),
                0, 10)).isInstanceOf(SuiteQlException.class);
    }

    @Test
    void shouldAnswerWhatSysdateMeansOnTheAccountsClock() throws SuiteQlException {
        assertThat(one(account, "SELECT TO_CHAR(SYSDATE, 'YYYY-MM-DD HH24:MI') FROM DUAL")).isEqualTo("2025-06-01 12:00");
    }
}
