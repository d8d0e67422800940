package dev.nsbridge.warehouse.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.spi.errors.InternalException;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CopyEncoderTest {
    private static final List<Column> COLUMNS = List.of(new Column("s", ColumnType.STRING),
            new Column("i", ColumnType.INTEGER), new Column("d", ColumnType.DECIMAL),
            new Column("b", ColumnType.BOOLEAN), new Column("day", ColumnType.DATE),
            new Column("at", ColumnType.TIMESTAMP));

    @Test
    void shouldEscapeBackslashesTabsAndLineBreaksInText() {
        CopyEncoder encoder = new CopyEncoder(List.of(COLUMNS.get(0)), List.of());

        assertThat(text(encoder, "a\\b\tc\nd\re\u0000f")).isEqualTo("a\\\\b\\tc\\nd\\ref\n");
    }

    @Test
    void shouldWriteNonAsciiAsUtf8() {
        CopyEncoder encoder = new CopyEncoder(List.of(COLUMNS.get(0)), List.of());

        assertThat(encoder.encode(new Object[] {"Zoë 😀"})).isEqualTo("Zoë 😀\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldWriteEveryTypeAndNullsInCopyTextForm() {
        CopyEncoder encoder = new CopyEncoder(COLUMNS, List.of("2024-01-01T00:00:00Z", "f"));

        assertThat(text(encoder, "x", 42L, new BigDecimal("1E+3"), true, LocalDate.of(2024, 2, 29),
                Instant.parse("2024-03-10T01:02:03.456789Z"))).isEqualTo(
                "x\t42\t1000\tt\t2024-02-29\t2024-03-10T01:02:03.456789Z\t2024-01-01T00:00:00Z\tf\n");
        assertThat(text(encoder, null, null, null, null, null, null))
                .isEqualTo("\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t2024-01-01T00:00:00Z\tf\n");
    }

    @Test
    void shouldRefuseAValueOfTheWrongTypeNamingTheColumn() {
        CopyEncoder encoder = new CopyEncoder(List.of(COLUMNS.get(1)), List.of());

        assertThatThrownBy(() -> text(encoder, "12")).isInstanceOf(InternalException.class)
                .hasMessageContaining("'i'").hasMessageContaining("integer");
    }

    private static String text(CopyEncoder encoder, Object... row) {
        return new String(encoder.encode(row), StandardCharsets.UTF_8);
    }
}
