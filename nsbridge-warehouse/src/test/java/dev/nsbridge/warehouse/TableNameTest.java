package dev.nsbridge.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.spi.errors.ConfigurationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class TableNameTest {

    @Test
    void shouldLowerCaseAndQuoteATableAndItsSchema() {
        TableName name = TableName.parse(" NetSuite.TransactionLine ");

        assertThat(name).isEqualTo(new TableName(Optional.of("netsuite"), "transactionline"));
        assertThat(name.sql()).isEqualTo("\"netsuite\".\"transactionline\"");
        assertThat(name.toString()).isEqualTo("netsuite.transactionline");
    }

    @Test
    void shouldAcceptATableWithoutSchema() {
        assertThat(TableName.parse("customer_2024").sql()).isEqualTo("\"customer_2024\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "customer; drop table x", "a\"b", "a.b.c", ".customer", "customer.",
            "1customer", "cust-omer", "cust omer", "zoë", "_nsbridge_state", "s._nsbridge_x", "a\u0000b",
            "a23456789012345678901234567890123456789012345678x"})
    void shouldRefuseAnythingButPlainIdentifiers(String target) {
        assertThatThrownBy(() -> TableName.parse(target)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("destination table")
                .satisfies(e -> assertThat(((ConfigurationException) e).fix()).hasValueSatisfying(fix -> assertThat(fix)
                        .contains("schema.table").contains("letters, digits and underscores").contains("48")));
    }

    @Test
    void shouldRefuseAMissingTarget() {
        assertThatThrownBy(() -> TableName.parse(null)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("(none)");
    }
}
