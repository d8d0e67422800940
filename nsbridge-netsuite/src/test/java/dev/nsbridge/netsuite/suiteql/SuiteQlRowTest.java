package dev.nsbridge.netsuite.suiteql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.spi.data.RecordSchema;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class SuiteQlRowTest {
    private final SuiteQlRow row = SuiteQlRow.of(Map.of("ID", "143", "Rate", "12.50", "isperson", "T",
            "isinactive", "F", "trandate", "3/7/2024", "lastmodifieddate", "2024-03-07 16:05:09",
            "shipdate", "2024-11-03 00:00:00", "email", "a@example.com"), DateConventions.DEFAULT);

    @Test
    void shouldCompareNamesCaseInsensitively() {
        assertThat(row.integer("id")).isEqualTo(143L);
        assertThat(row.integer("Id")).isEqualTo(143L);
        assertThat(row.decimal("RATE")).isEqualByComparingTo("12.50");
    }

    @Test
    void shouldReadAMissingColumnAsNull() {
        assertThat(row.string("memo")).isNull();
        assertThat(row.integer("memo")).isNull();
        assertThat(row.bool("memo")).isNull();
        assertThat(row.timestamp("memo")).isNull();
    }

    @Test
    void shouldTurnTAndFIntoBooleans() {
        assertThat(row.bool("isperson")).isTrue();
        assertThat(row.bool("isinactive")).isFalse();
        assertThatThrownBy(() -> row.bool("email")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReadDatesInTheUsersFormat() {
        assertThat(row.date("trandate")).isEqualTo(LocalDate.of(2024, 3, 7));
        // A bare date as a timestamp is midnight where the user is, in UTC.
        assertThat(row.timestamp("trandate")).isEqualTo(Instant.parse("2024-03-07T08:00:00Z"));
    }

    @Test
    void shouldConvertToCharTimestampsFromTheAccountsZoneToUtc() {
        assertThat(row.timestamp("lastmodifieddate")).isEqualTo(Instant.parse("2024-03-08T00:05:09Z"));
        assertThat(row.date("shipdate")).isEqualTo(LocalDate.of(2024, 11, 3));
    }

    @Test
    void shouldReadOtherDateFormatsNetSuiteOffers() {
        DateConventions european = new DateConventions("DD.MM.YYYY", ZoneId.of("Europe/Berlin"));
        DateConventions named = new DateConventions("D-Mon-YYYY", ZoneId.of("UTC"));

        assertThat(european.date("07.03.2024")).isEqualTo(LocalDate.of(2024, 3, 7));
        assertThat(european.timestamp("2024-07-01 12:00:00")).isEqualTo(Instant.parse("2024-07-01T10:00:00Z"));
        assertThat(named.date("7-MAR-2024")).isEqualTo(LocalDate.of(2024, 3, 7));
        assertThatThrownBy(() -> new DateConventions("M/D/YYYY hh", ZoneId.of("UTC")))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void shouldWriteCursorValuesInTheAccountsWallClock() {
        assertThat(DateConventions.DEFAULT.toDateParameter(Instant.parse("2024-03-08T00:05:09Z")))
                .isEqualTo("2024-03-07 16:05:09");
    }

    @Test
    void shouldLayOutARowForABatchWithJavaTypes() {
        RecordSchema schema = new RecordSchema(List.of(new Column("id", ColumnType.INTEGER),
                new Column("rate", ColumnType.DECIMAL), new Column("isperson", ColumnType.BOOLEAN),
                new Column("lastmodifieddate", ColumnType.TIMESTAMP), new Column("memo", ColumnType.STRING)));

        assertThat(row.toArray(schema)).containsExactly(143L, new BigDecimal("12.50"), true,
                Instant.parse("2024-03-08T00:05:09Z"), null);
    }
}
