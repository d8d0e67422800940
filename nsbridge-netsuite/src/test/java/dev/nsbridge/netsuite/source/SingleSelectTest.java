package dev.nsbridge.netsuite.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.spi.errors.ConfigurationException;
import org.junit.jupiter.api.Test;

final class SingleSelectTest {

    @Test
    void shouldTakeOneSelectWithCommentsLiteralsAndATrailingSemicolon() {
        String query = "SELECT t.id, 'a;b)' AS odd /* ; */ FROM transaction t -- ; (\nWHERE t.memo <> 'it''s' ;  ";

        assertThat(SingleSelect.check("orders", query))
                .isEqualTo("SELECT t.id, 'a;b)' AS odd /* ; */ FROM transaction t -- ; (\nWHERE t.memo <> 'it''s'");
    }

    @Test
    void shouldRefuseASecondStatementNamingTheStream() {
        assertThatThrownBy(() -> SingleSelect.check("orders", "SELECT id FROM customer; DELETE FROM customer"))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.code()).isEqualTo("NETSUITE_QUERY_NOT_ONE_SELECT");
                    assertThat(e.getMessage()).contains("orders", "more than one statement");
                });
    }

    @Test
    void shouldRefuseWhatWouldChangeTheWrapperAroundTheQuery() {
        assertThatThrownBy(() -> SingleSelect.check("q", "SELECT id FROM customer) x, (SELECT 1 FROM dual"))
                .hasMessageContaining("closes a parenthesis");
        assertThatThrownBy(() -> SingleSelect.check("q", "SELECT id FROM customer /* open"))
                .hasMessageContaining("never closed");
        assertThatThrownBy(() -> SingleSelect.check("q", "SELECT id FROM customer WHERE email = 'x"))
                .hasMessageContaining("never closed");
        assertThatThrownBy(() -> SingleSelect.check("q", "SELECT (id FROM customer"))
                .hasMessageContaining("open");
        assertThatThrownBy(() -> SingleSelect.check("q", "WITH c AS (SELECT id FROM customer) SELECT id FROM c"))
                .hasMessageContaining("is not a SELECT");
        assertThatThrownBy(() -> SingleSelect.check("q", "  ")).hasMessageContaining("is not a SELECT");
    }
}
