package dev.nsbridge.netsuite.suiteql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SuiteQlSelectTest {
    private static final List<Column> LINES = List.of(new Column("transaction", ColumnType.INTEGER),
            new Column("id", ColumnType.INTEGER), new Column("linelastmodifieddate", ColumnType.TIMESTAMP),
            new Column("memo", ColumnType.STRING));

    @Test
    void shouldProjectDatesWithToCharAndFilterTheCursorWithToDate() {
        SuiteQlQuery query = SuiteQlSelect.from("transactionline", LINES)
                .changedSince("linelastmodifieddate", Instant.parse("2024-03-08T00:05:09Z"), true,
                        DateConventions.DEFAULT)
                .orderedBy(List.of("transaction", "id")).toQuery();

        assertThat(query.text()).isEqualTo("SELECT transaction, id, TO_CHAR(linelastmodifieddate,"
                + " 'YYYY-MM-DD HH24:MI:SS') AS linelastmodifieddate, memo FROM transactionline WHERE"
                + " (linelastmodifieddate >= TO_DATE(?, 'YYYY-MM-DD HH24:MI:SS')) ORDER BY transaction, id");
        assertThat(query.params()).containsExactly("2024-03-07 16:05:09");
    }

    @Test
    void shouldWriteACompositeKeysetConditionWithARangeOnTheLeadingKey() {
        SuiteQlQuery query = SuiteQlSelect.from("transactionline", LINES.subList(0, 2))
                .range("transaction", 1000, 2000)
                .after(List.of("transaction", "id"), List.of("1500", "3")).toQuery();

        assertThat(query.text()).isEqualTo("SELECT transaction, id FROM transactionline WHERE"
                + " (transaction >= ? AND transaction < ?) AND (transaction > ? OR (transaction = ? AND id > ?))");
        assertThat(query.params()).containsExactly("1000", "2000", "1500", "1500", "3");
    }

    @Test
    void shouldKeepAHostileValueOutOfTheQueryText() {
        String hostile = "x' OR '1'='1'); DROP TABLE customer; --";

        SuiteQlQuery query = SuiteQlSelect.from("customer", List.of(new Column("id", ColumnType.INTEGER)))
                .whereEquals("email", hostile).toQuery();

        assertThat(query.text()).isEqualTo("SELECT id FROM customer WHERE (email = ?)");
        assertThat(query.params()).containsExactly(hostile);
    }

    @Test
    void shouldRefuseAHostileIdentifierByName() {
        assertThatThrownBy(() -> SuiteQlSelect.from("customer; DROP TABLE x", List.of(new Column("id",
                ColumnType.INTEGER)))).isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_IDENTIFIER");
                    assertThat(e.getMessage()).contains("'customer; DROP TABLE x'", "table");
                });
        assertThatThrownBy(() -> SuiteQlSelect.from("customer", List.of(new Column("id) FROM employee --",
                ColumnType.INTEGER)))).isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.getMessage()).contains("'id) FROM employee --'", "column"));
        assertThatThrownBy(() -> SuiteQlSelect.from("customer", List.of(new Column("id", ColumnType.INTEGER)))
                .whereEquals("email OR 1=1", "x")).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void shouldWrapAQueryAsAnInlineViewWithTheKeysetOutsideIt() {
        SuiteQlQuery inner = new SuiteQlQuery("SELECT t.id AS tran_id, TO_CHAR(t.lastmodifieddate,"
                + " 'YYYY-MM-DD HH24:MI:SS') AS changed FROM transaction t -- orders", List.of());
        SuiteQlSelect.KeyColumn changed = new SuiteQlSelect.KeyColumn("changed", true);

        SuiteQlQuery query = SuiteQlSelect.fromQuery(inner, "q", List.of(new Column("tran_id", ColumnType.INTEGER),
                        new Column("changed", ColumnType.TIMESTAMP)))
                .afterKeys(List.of(changed, SuiteQlSelect.KeyColumn.plain("tran_id")),
                        List.of("2024-03-07 16:05:09", "42"))
                .orderedBy(List.of("changed", "tran_id")).toQuery();

        assertThat(query.text()).isEqualTo("SELECT tran_id, changed FROM (\n" + inner.text() + "\n) q WHERE"
                + " (TO_DATE(changed, 'YYYY-MM-DD HH24:MI:SS') > TO_DATE(?, 'YYYY-MM-DD HH24:MI:SS') OR"
                + " (TO_DATE(changed, 'YYYY-MM-DD HH24:MI:SS') = TO_DATE(?, 'YYYY-MM-DD HH24:MI:SS') AND tran_id > ?))"
                + " ORDER BY changed, tran_id");
        assertThat(query.params()).containsExactly("2024-03-07 16:05:09", "2024-03-07 16:05:09", "42");
    }

    @Test
    void shouldWriteOutAKeysetOfThreeColumnsWithoutRowValueComparison() {
        SuiteQlQuery query = SuiteQlSelect.from("transactionline", LINES.subList(0, 2))
                .after(List.of("a", "b", "c"), List.of("1", "2", "3")).toQuery();

        assertThat(query.text()).endsWith("WHERE (a > ? OR (a = ? AND b > ?) OR (a = ? AND b = ? AND c > ?))");
        assertThat(query.params()).containsExactly("1", "1", "2", "1", "2", "3");
    }

    @Test
    void shouldSelectGivenCompositeKeysAsParameters() {
        SuiteQlQuery single = SuiteQlSelect.from("customer", List.of(new Column("id", ColumnType.INTEGER)))
                .whereKeysIn(List.of("id"), List.of(List.of("7"), List.of("9"))).toQuery();
        SuiteQlQuery composite = SuiteQlSelect.from("transactionline", LINES.subList(0, 2))
                .whereKeysIn(List.of("transaction", "id"), List.of(List.of("7", "1"), List.of("9", "2"))).toQuery();

        assertThat(single.text()).endsWith("WHERE (id IN (?, ?))");
        assertThat(composite.text()).endsWith("WHERE ((transaction = ? AND id = ?) OR (transaction = ? AND id = ?))");
        assertThat(composite.params()).containsExactly("7", "1", "9", "2");
        assertThatThrownBy(() -> SuiteQlSelect.from("customer", List.of(new Column("id", ColumnType.INTEGER)))
                .whereKeysIn(List.of("id"), java.util.Collections.nCopies(1001, List.of("1"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
