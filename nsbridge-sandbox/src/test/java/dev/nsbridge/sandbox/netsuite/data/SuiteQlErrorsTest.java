package dev.nsbridge.sandbox.netsuite.data;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
                    org.assertj.core.api.Assertions.assertThat(e.errorCode()).isEqualTo("INVALID_PARAMETER");
                    org.assertj.core.api.Assertions.assertThat(e.getMessage()).isEqualTo(detail);
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

    @Test
    void shouldRefuseParamsThatDoNotMatchThePlaceholders() {
        assertThatThrownBy(() -> account.query("SELECT id FROM customer WHERE id = ?", List.of(), 0, 10))
                .isInstanceOf(SuiteQlException.class).hasMessageContaining("params");
    }
}
