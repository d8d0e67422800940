package dev.nsbridge.sandbox.netsuite.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class SuiteQlErrorsTest {
    private static final String PREFIX = "Invalid search query. Detailed unprocessed description follows. ";
    private static NetSuiteAccount account;

    @BeforeAll
    static void generate() {
        account = Accounts.small(Accounts.clock());
    }

    @AfterAll
    static void close() {
        account.close();
    }

    private static void assertRefused(String query, String detail) {
        assertThatThrownBy(() -> account.query(query, List.of(), 0, 10))
                .isInstanceOfSatisfying(SuiteQlException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("INVALID_PARAMETER");
                    assertThat(e.getMessage()).isEqualTo(detail);
                });
    }

    @Test
    void shouldRefuseAnUnknownColumnInNetSuitesWords() {
        assertRefused("SELECT id, nosuchcolumn FROM customer",
                PREFIX + "Search error occurred: Unknown identifier 'nosuchcolumn'.");
    }

    @Test
    void shouldRefuseAnUnknownTableInNetSuitesWords() {
        assertRefused("SELECT id FROM nosuchtable", PREFIX + "Search error occurred: Invalid search type: nosuchtable.");
    }

    @Test
    void shouldHideTheDisplayNameTables() {
        assertRefused("SELECT * FROM nsdf_status", PREFIX + "Search error occurred: Invalid search type: nsdf_status.");
    }

    @Test
    void shouldRefuseWithClauses() {
        assertRefused("WITH x AS (SELECT id FROM customer) SELECT id FROM x",
                PREFIX + "Search error occurred: WITH clauses are not supported.");
    }

    @Test
    void shouldRefuseMoreThanAThousandItemsInAnInList() {
        String items = String.join(",", Collections.nCopies(1001, "1"));
        assertRefused("SELECT id FROM customer WHERE id IN (" + items + ")",
                PREFIX + "Search error occurred: ORA-01795: maximum number of expressions in a list is 1000");
    }

    @Test
    void shouldRefuseBrokenSyntaxWithANetSuiteLikeText() {
        assertThatThrownBy(() -> account.query("SELECT FROM WHERE", List.of(), 0, 10))
                .isInstanceOf(SuiteQlException.class)
                .hasMessageStartingWith(PREFIX + "Search error occurred: Parse of query string failed.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT id FROM customer WHERE datecreated > DATE '2025-01-01'",
            "SELECT id FROM customer WHERE datecreated > timestamp '2025-01-01 00:00:00'"})
    void shouldRefuseDateLiterals(String query) {
        assertThatThrownBy(() -> account.query(query, List.of(), 0, 10))
                .isInstanceOfSatisfying(SuiteQlException.class, e -> assertThat(e.errorCode())
                        .isEqualTo("INVALID_PARAMETER"))
                .hasMessageStartingWith(PREFIX + "Search error occurred: ")
                .hasMessageContaining("TO_DATE");
    }

    @Test
    void shouldLeaveTheWordDateInsideAStringAlone() throws SuiteQlException {
        assertThat(account.query("SELECT id FROM customer WHERE entityid <> 'DATE ''2025-01-01'''", List.of(), 0, 1)
                .items()).hasSize(1);
    }

    /** Each query fails next to something the sandbox rewrites or appends before its engine runs it. */
    @ParameterizedTest
    @ValueSource(strings = {"SELECT TO_CHAR(datecreated, 'YYYY-MM-DD') AS d FROM customer WHERE",
            "SELECT id FROM customer WHERE datecreated > SYSDATE +",
            "SELECT BUILTIN.DF(t.status) AS s FROM transaction t WHERE t.id IN (",
            "SELECT 1/0 AS x FROM customer",
            "SELECT id FROM customer ORDER BY"})
    void shouldSpeakOnlyOfTheUsersQueryWhenRefusingIt(String query) {
        assertThatThrownBy(() -> account.query(query, List.of(), 0, 10))
                .isInstanceOfSatisfying(SuiteQlException.class, e -> {
                    assertThat(e.getMessage()).startsWith(PREFIX + "Search error occurred: ");
                    assertThat(e.getMessage()).doesNotContainIgnoringCase("OFFSET").doesNotContainIgnoringCase("FETCH")
                            .doesNotContainIgnoringCase("FORMATDATETIME").doesNotContainIgnoringCase("nsdf")
                            .doesNotContainIgnoringCase("TIMESTAMP").doesNotContainIgnoringCase("SQL statement")
                            .doesNotContain("\"", "[*]");
                });
    }

    @Test
    void shouldRefuseParamsThatDoNotMatchThePlaceholders() {
        assertThatThrownBy(() -> account.query("SELECT id FROM customer WHERE id = ?", List.of(), 0, 10))
                .isInstanceOf(SuiteQlException.class).hasMessageContaining("params");
    }
}
