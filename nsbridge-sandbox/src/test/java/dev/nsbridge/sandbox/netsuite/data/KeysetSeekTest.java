package dev.nsbridge.sandbox.netsuite.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class KeysetSeekTest {
    @Test
    void shouldBoundACompositeKeysetByItsFirstKeySoH2CanSeek() {
        KeysetSeek.Statement seek = KeysetSeek.rewrite("SELECT transaction, id FROM transactionline WHERE"
                + " (status = ?) AND (transaction > ? OR (transaction = ? AND id > ?)) ORDER BY transaction, id",
                List.of("B", "17", "17", "3"));

        assertThat(seek.sql()).isEqualTo("SELECT transaction, id FROM transactionline WHERE (status = ?) AND"
                + " (transaction >= ? AND (transaction > ? OR (transaction = ? AND id > ?))) ORDER BY transaction, id");
        assertThat(seek.params()).containsExactly("B", "17", "17", "17", "3");
    }

    @Test
    void shouldLeaveAConditionAloneWhenItsTwoBoundsDiffer() {
        String sql = "SELECT id FROM transactionline WHERE (transaction > ? OR (transaction = ? AND id > ?))";

        KeysetSeek.Statement seek = KeysetSeek.rewrite(sql, List.of("17", "16", "3"));

        assertThat(seek.sql()).isEqualTo(sql);
        assertThat(seek.params()).containsExactly("17", "16", "3");
    }

    @Test
    void shouldNotCountQuestionMarksInsideLiterals() {
        KeysetSeek.Statement seek = KeysetSeek.rewrite("SELECT id FROM transactionline WHERE memo <> 'why?' AND"
                + " (transaction > ? OR (transaction = ? AND id > ?))", List.of("5", "5", "9"));

        assertThat(seek.params()).containsExactly("5", "5", "5", "9");
    }
}
