package dev.nsbridge.netsuite.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The standard table list as discover shows it and every read relies on: keys and change dates that hold. */
final class NetSuiteTablesTest {
    @Test
    void shouldNameEveryTableOnceWithItsKeyAndCursorAmongItsColumnsAndNoColumnTwice() {
        Set<String> names = new HashSet<>();
        for (StreamDescriptor table : NetSuiteTables.all()) {
            assertThat(names.add(table.name())).as(table.name()).isTrue();
            List<String> columns = table.columns().stream().map(Column::name).toList();
            assertThat(new HashSet<>(columns)).as(table.name()).hasSameSizeAs(columns);
            assertThat(columns).as(table.name()).containsAll(table.primaryKey());
            table.cursor().ifPresent(cursor -> assertThat(columns).as(table.name()).contains(cursor));
        }
    }

    @Test
    void shouldKeyTheLinkTablesByTheirPairAndReadThemInFull() {
        assertThat(NetSuiteTables.named("accountingbooksubsidiaries")).map(StreamDescriptor::primaryKey)
                .contains(List.of("accountingbook", "subsidiary"));
        assertThat(NetSuiteTables.named("accountingperiodfiscalcalendars")).map(StreamDescriptor::primaryKey)
                .contains(List.of("accountingperiod", "fiscalcalendar"));
        assertThat(NetSuiteTables.named("transactionaccountingline")).map(StreamDescriptor::primaryKey)
                .contains(List.of("transaction", "transactionline", "accountingbook"));
        for (String table : List.of("accountingbooksubsidiaries", "accountingperiodfiscalcalendars", "accounttype",
                "fiscalcalendar", "consolidatedexchangerate", "nexus", "vendorcategory")) {
            assertThat(NetSuiteTables.named(table)).as(table).map(StreamDescriptor::cursor).contains(Optional.empty());
        }
    }

    @Test
    void shouldReadEveryTableWithAChangeDateIncrementallyOnIt() {
        for (StreamDescriptor table : NetSuiteTables.all()) {
            boolean stamped = table.columns().stream().map(c -> c.name().toLowerCase(Locale.ROOT))
                    .anyMatch(name -> name.equals("lastmodifieddate") || name.equals("linelastmodifieddate"));
            if (stamped) {
                assertThat(table.cursor()).as(table.name()).isPresent();
            }
        }
    }
}
