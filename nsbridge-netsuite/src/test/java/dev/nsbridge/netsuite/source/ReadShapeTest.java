package dev.nsbridge.netsuite.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.netsuite.catalog.NetSuiteTables;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.source.ReadMode;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.spi.stream.Column;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ReadShapeTest {

    private static ReadRequest request(String table, List<String> columns, Optional<String> filter) {
        return new ReadRequest(NetSuiteTables.named(table).orElseThrow(), columns, ReadMode.INCREMENTAL, State.EMPTY,
                filter, Duration.ZERO, Optional.empty());
    }

    @Test
    void shouldAlwaysReadThePrimaryKeyAndTheCursor() {
        ReadShape shape = ReadShape.of(request("transactionline", List.of("memo"), Optional.empty()));

        assertThat(shape.schema().columns()).extracting(Column::name)
                .containsExactly("transaction", "id", "linelastmodifieddate", "memo");
    }

    @Test
    void shouldRefuseAnUnknownColumnNamingItAndItsNearMatch() {
        assertThatThrownBy(() -> ReadShape.of(request("customer", List.of("emial"), Optional.empty())))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.code()).isEqualTo("NETSUITE_UNKNOWN_COLUMN");
                    assertThat(e.getMessage()).contains("'emial'", "customer");
                    assertThat(e.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("email"));
                });
    }

    @Test
    void shouldRefuseAFilterThatEndsTheStatementOrHidesTheRest() {
        for (String hostile : List.of("1 = 1; DELETE FROM customer", "isinactive = 'F' -- ", "id > 0 /* x */")) {
            assertThatThrownBy(() -> ReadShape.of(request("customer", List.of(), Optional.of(hostile))))
                    .isInstanceOfSatisfying(ConfigurationException.class,
                            e -> assertThat(e.code()).isEqualTo("NETSUITE_FILTER_REFUSED"));
        }
    }

    @Test
    void shouldAndTheUsersFilterInAsWritten() {
        ReadShape shape = ReadShape.of(request("customer", List.of("email"), Optional.of("isinactive = 'F'")));

        assertThat(shape.select().toQuery().text()).isEqualTo("SELECT id, email, TO_CHAR(lastmodifieddate,"
                + " 'YYYY-MM-DD HH24:MI:SS') AS lastmodifieddate FROM customer WHERE (isinactive = 'F')");
    }
}
