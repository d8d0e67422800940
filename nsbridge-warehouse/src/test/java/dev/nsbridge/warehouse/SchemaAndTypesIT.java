package dev.nsbridge.warehouse;

import static dev.nsbridge.warehouse.Scenarios.CUSTOMER;
import static dev.nsbridge.warehouse.Scenarios.batch;
import static dev.nsbridge.warehouse.Scenarios.customer;
import static dev.nsbridge.warehouse.Scenarios.customers;
import static dev.nsbridge.warehouse.Scenarios.watermark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.spi.destination.LoadMethod;
import dev.nsbridge.spi.destination.WriteRequest;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.errors.NsbridgeException;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(Warehouses.class)
final class SchemaAndTypesIT {
    private static final List<Column> TYPES = List.of(new Column("id", ColumnType.INTEGER),
            new Column("text", ColumnType.STRING), new Column("amount", ColumnType.DECIMAL),
            new Column("flag", ColumnType.BOOLEAN), new Column("day", ColumnType.DATE),
            new Column("at", ColumnType.TIMESTAMP));

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldAddAColumnTheStreamGained(Engine engine, TestWarehouse.Factory warehouses) {
        TestWarehouse warehouse = warehouses.open(engine, directory);
        warehouse.run(customers(LoadMethod.MERGE), batch(CUSTOMER, watermark(1), customer(1, "Ann", "1")));
        List<Column> wider = new ArrayList<>(CUSTOMER);
        wider.add(new Column("Email", ColumnType.STRING));

        warehouse.run(Scenarios.request("customer", wider, List.of("id"), LoadMethod.MERGE, Map.of()),
                batch(wider, watermark(2), new Object[] {2L, "Bob", BigDecimal.TEN, "bob@example.com"}));

        assertThat(warehouse.rows("SELECT id, name, email FROM customer ORDER BY id"))
                .containsExactly("1|Ann|null", "2|Bob|bob@example.com");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldKeepAColumnTheStreamDropped(Engine engine, TestWarehouse.Factory warehouses) {
        TestWarehouse warehouse = warehouses.open(engine, directory);
        warehouse.run(customers(LoadMethod.APPEND), batch(CUSTOMER, watermark(1), customer(1, "Ann", "1")));
        List<Column> narrower = CUSTOMER.subList(0, 2);

        warehouse.run(Scenarios.request("customer", narrower, List.of("id"), LoadMethod.APPEND, Map.of()),
                batch(narrower, watermark(2), new Object[] {2L, "Bob"}));

        assertThat(warehouse.rows("SELECT id, name, balance FROM customer ORDER BY id"))
                .containsExactly("1|Ann|1", "2|Bob|null");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldRoundTripEveryType(Engine engine, TestWarehouse.Factory warehouses) {
        TestWarehouse warehouse = warehouses.open(engine, directory);
        String awkward = "tab\there\nnew line\r\\back\\slash 'single' \"double\" , ; Zoë Straße 東京 😀 \\N";
        WriteRequest request = Scenarios.request("typed", TYPES, List.of("id"), LoadMethod.MERGE, Map.of());
        warehouse.run(request, batch(TYPES, watermark(1),
                new Object[] {1L, awkward, new BigDecimal("1234567890123456789012345678.0123456789"), true,
                        LocalDate.of(2024, 2, 29), Instant.parse("2024-03-10T01:02:03.456789Z")},
                new Object[] {2L, "", new BigDecimal("-0.0000000001"), false, LocalDate.of(1900, 1, 1),
                        Instant.parse("1970-01-01T00:00:00Z")},
                new Object[] {Long.MAX_VALUE, null, null, null, null, null}));

        assertThat(warehouse.rows("SELECT id, text, amount, flag, CAST(day AS VARCHAR), " + engine.utcText("at")
                + " FROM typed ORDER BY id")).containsExactly(
                "1|" + awkward + "|1234567890123456789012345678.0123456789|true|2024-02-29|2024-03-10T01:02:03.456789Z",
                "2||-0.0000000001|false|1900-01-01|1970-01-01T00:00:00.000000Z",
                Long.MAX_VALUE + "|null|null|null|null|null");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldQuoteHostileColumnNames(Engine engine, TestWarehouse.Factory warehouses) {
        TestWarehouse warehouse = warehouses.open(engine, directory);
        List<Column> hostile = List.of(new Column("id", ColumnType.INTEGER),
                new Column("x\"); DROP TABLE customer; --", ColumnType.STRING));
        warehouse.run(customers(LoadMethod.MERGE), batch(CUSTOMER, watermark(1), customer(1, "Ann", "1")));

        warehouse.run(Scenarios.request("odd", hostile, List.of("id"), LoadMethod.MERGE, Map.of()),
                batch(hostile, watermark(1), new Object[] {1L, "kept"}));

        assertThat(warehouse.rows("SELECT \"x\"\"); drop table customer; --\" FROM odd")).containsExactly("kept");
        assertThat(warehouse.rows("SELECT name FROM customer")).containsExactly("Ann");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldRefuseAHostileTableNameNamingTheSetting(Engine engine, TestWarehouse.Factory warehouses) {
        TestWarehouse warehouse = warehouses.open(engine, directory);
        for (String target : List.of("customer; DROP TABLE x", "a\"b", "a.b.c", "", "../etc", "_nsbridge_state")) {
            WriteRequest request = Scenarios.request("customer", CUSTOMER, List.of("id"), LoadMethod.MERGE, Map.of());
            WriteRequest hostile = new WriteRequest(request.pipeline(), request.stream(), target,
                    request.loadMethod(), request.uniqueKey(), request.options());

            assertThatThrownBy(() -> warehouse.destination().open(hostile)).as(target)
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("destination table")
                    .satisfies(e -> assertThat(((NsbridgeException) e).fix()).hasValueSatisfying(
                            fix -> assertThat(fix).contains("letters, digits and underscores")));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldLoadATableInASchemaWithItsStateBesideIt(Engine engine, TestWarehouse.Factory warehouses) {
        TestWarehouse warehouse = warehouses.open(engine, directory);
        WriteRequest request = Scenarios.request("NetSuite.Customer", CUSTOMER, List.of("id"), LoadMethod.MERGE,
                Map.of());
        warehouse.run(request, batch(CUSTOMER, watermark(7), customer(1, "Ann", "1")));

        assertThat(warehouse.rows("SELECT id, name FROM netsuite.customer")).containsExactly("1|Ann");
        assertThat(warehouse.rows("SELECT name, kind, value FROM netsuite._nsbridge_state ORDER BY name"))
                .containsExactly("cursor|string|2024-05-08T00:00:00Z", "watermark|long|7");
        assertThat(warehouse.committedState(request)).isEqualTo(watermark(7));
    }
}
