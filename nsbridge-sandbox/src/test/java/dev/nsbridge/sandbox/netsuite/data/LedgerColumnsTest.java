package dev.nsbridge.sandbox.netsuite.data;

import static dev.nsbridge.sandbox.netsuite.data.Accounts.all;
import static dev.nsbridge.sandbox.netsuite.data.Accounts.one;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class LedgerColumnsTest {
    private static NetSuiteAccount account;

    @BeforeAll
    static void generate() {
        account = Accounts.small(Accounts.clock());
    }

    @AfterAll
    static void close() {
        account.close();
    }

    @Test
    void shouldNestAccountsAndSegmentsOnlyUnderAnotherRowOfTheSameTable() throws SuiteQlException {
        for (String table : List.of("account", "location", "department", "classification")) {
            List<Map<String, String>> rows = all(account, "SELECT id, parent FROM " + table + " ORDER BY id");
            Set<String> ids = rows.stream().map(row -> row.get("id")).collect(Collectors.toSet());
            List<Map<String, String>> children = rows.stream().filter(row -> row.get("parent") != null).toList();
            assertThat(children).as(table).isNotEmpty();
            assertThat(children).as(table).allSatisfy(row -> {
                assertThat(ids).contains(row.get("parent"));
                assertThat(row.get("parent")).isNotEqualTo(row.get("id"));
            });
            assertThat(rows).as(table).anySatisfy(row -> assertThat(row.get("parent")).isNull());
        }
    }

    @Test
    void shouldPlaceEveryEmployeeAtAnExistingLocation() throws SuiteQlException {
        List<Map<String, String>> rows = all(account, "SELECT e.id, e.location, l.id AS found FROM employee e"
                + " LEFT JOIN location l ON l.id = e.location ORDER BY e.id");
        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get("location")).isNotNull();
            assertThat(row.get("found")).isEqualTo(row.get("location"));
        });
    }

    @Test
    void shouldAnswerWhetherAnAccountTypeBalancesOnTheLeft() throws SuiteQlException {
        assertThat(one(account, "SELECT left FROM accounttype WHERE id = 'Bank'")).isEqualTo("T");
        assertThat(one(account, "SELECT t.left FROM accounttype t WHERE t.id = 'Income'")).isEqualTo("F");
        assertThat(all(account, "SELECT id, left FROM accounttype")).extracting(row -> row.get("left"))
                .containsOnly("T", "F");
        // LEFT keeps its other meanings: the function and the join.
        assertThat(one(account, "SELECT LEFT(a.acctnumber, 2) FROM account a LEFT OUTER JOIN accounttype t"
                + " ON t.id = a.accttype WHERE t.left = 'F' AND a.id = 3")).isEqualTo("40");
    }
}
