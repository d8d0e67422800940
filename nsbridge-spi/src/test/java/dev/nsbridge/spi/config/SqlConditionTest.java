package dev.nsbridge.spi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class SqlConditionTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "c.category = 2",
        "c.id < 200 AND (c.companyname LIKE '%)%' OR (c.email = 'a'';b@x.com' AND NOT c.isinactive = 'T'))",
        "c.subsidiary IN (1, 3) AND c.datecreated >= TO_DATE('2024-01-01', 'YYYY-MM-DD')",
        "t.type NOT IN ('SalesOrd') AND t.total BETWEEN -5 AND 1e3 AND t.memo IS NOT NULL",
        "CASE WHEN c.category = 1 THEN 'a' ELSE 'b' END = 'a'",
        "UPPER(c.\"Email\") LIKE '%--;%' ESCAPE '!'",
        "NVL(c.balance, 0) * 2 + 1 > 10",
        "t.trandate >= DATE '2024-01-31' AND -(t.total) / .5 < 100",
    })
    void shouldAcceptOneConditionWithNestedParenthesesAndQuotedMarkers(String filter) {
        assertEquals(Optional.empty(), SqlCondition.problem(filter));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "c.id < 200) OR (1=1|closes a parenthesis it did not open",
        "(c.id < 200|is never closed",
        "c.id = 1; DELETE FROM customer|second statement",
        "c.id = 1 /* x */|comment",
        "c.id = 1 -- x|comment",
        "c.email = 'open|never closed",
        "c.id = 1 UNION SELECT id FROM employee|UNION",
        "c.id = 1 ORDER BY c.id|ORDER",
        "c.id = 1 GROUP BY c.id|GROUP",
        "c.id IN (SELECT id FROM customer)|SELECT",
        "c.id = 1 c.id = 2|goes on after a complete condition",
        "c.id|not a condition",
        "'x' OR c.id = 1|needs a condition",
        "   |is empty",
    })
    void shouldRefuseWhatIsNotExactlyOneCondition(String filter, String reason) {
        Optional<Validator.Invalid> problem = SqlCondition.problem(filter == null ? "" : filter);
        assertTrue(problem.isPresent(), filter + " is refused");
        assertTrue(problem.get().message().contains(reason), problem.get().message());
    }
}
