package dev.nsbridge.warehouse;

import static dev.nsbridge.warehouse.Scenarios.CUSTOMER;
import static dev.nsbridge.warehouse.Scenarios.batch;
import static dev.nsbridge.warehouse.Scenarios.customer;
import static dev.nsbridge.warehouse.Scenarios.customers;
import static dev.nsbridge.warehouse.Scenarios.watermark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.data.RecordSchema;
import dev.nsbridge.spi.destination.DestinationWriter;
import dev.nsbridge.spi.destination.LoadMethod;
import dev.nsbridge.spi.destination.WriteRequest;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.errors.InternalException;
import dev.nsbridge.spi.errors.NsbridgeException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(Warehouses.class)
final class CrashSafetyIT {
    private static final String CUSTOMERS = "SELECT id, name FROM customer ORDER BY id";

    @TempDir
    Path directory;

    @ParameterizedTest
    @CsvSource({"DUCKDB,MERGE", "DUCKDB,APPEND", "POSTGRES,MERGE", "POSTGRES,APPEND"})
    void shouldLeaveNeitherRowsNorStateWhenAWriteFailsMidway(Engine engine, LoadMethod method,
                                                             TestWarehouse.Factory warehouses) {
        TestWarehouse warehouse = warehouses.open(engine, directory);
        WriteRequest request = customers(method);
        List<Object[]> rows = new ArrayList<>();
        for (long id = 10; id < 5_000; id++) {
            // a source bug half way through: a text where the column is a decimal
            rows.add(id == 3_000 ? new Object[] {id, "broken", "not a decimal"} : customer(id, "n" + id, "1"));
        }

        try (DestinationWriter writer = warehouse.destination().open(request)) {
            writer.write(batch(CUSTOMER, watermark(1), customer(1, "Ann", "1")));
            assertThatThrownBy(() -> writer.write(Batch.of(new RecordSchema(CUSTOMER), rows, watermark(2))))
                    .isInstanceOf(InternalException.class).hasMessageContaining("balance");
            assertThat(writer.committedState()).contains(watermark(1));
        }

        assertThat(warehouse.rows(CUSTOMERS)).containsExactly("1|Ann");
        assertThat(warehouse.committedState(request)).isEqualTo(watermark(1));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldLeaveNeitherRowsNorStateWhenARowViolatesAConstraint(Engine engine, TestWarehouse.Factory warehouses) {
        TestWarehouse warehouse = warehouses.open(engine, directory);
        WriteRequest request = customers(LoadMethod.MERGE);
        warehouse.run(request, batch(CUSTOMER, watermark(1), customer(1, "Ann", "1")));

        try (DestinationWriter writer = warehouse.destination().open(request)) {
            Batch withEmptyKey = batch(CUSTOMER, watermark(2), customer(1, "Annie", "1"), customer(2, "Bob", "2"),
                    new Object[] {null, "no key", BigDecimal.ONE});
            assertThatThrownBy(() -> writer.write(withEmptyKey)).isInstanceOf(ConfigurationException.class)
                    .satisfies(e -> assertThat(((NsbridgeException) e).fix()).hasValueSatisfying(
                            fix -> assertThat(fix).contains("unique key")));
        }

        assertThat(warehouse.rows(CUSTOMERS)).containsExactly("1|Ann");
        assertThat(warehouse.committedState(request)).isEqualTo(watermark(1));
    }

    @ParameterizedTest
    @CsvSource({"DUCKDB,DROP_CREATE_LOAD", "DUCKDB,TRUNCATE_LOAD", "POSTGRES,DROP_CREATE_LOAD",
            "POSTGRES,TRUNCATE_LOAD"})
    void shouldKeepThePreviousTableWholeWhenAReloadDiesBeforeTheSwap(Engine engine, LoadMethod method,
                                                                     TestWarehouse.Factory warehouses) {
        TestWarehouse warehouse = warehouses.open(engine, directory);
        WriteRequest request = customers(method);
        warehouse.run(request, batch(CUSTOMER, watermark(1), customer(1, "Ann", "1"), customer(2, "Bob", "2")));

        try (DestinationWriter writer = warehouse.destination().open(request)) {
            writer.write(batch(CUSTOMER, watermark(2), customer(3, "Cy", "3")));
            assertThat(warehouse.rows(CUSTOMERS)).as("readers during the load").containsExactly("1|Ann", "2|Bob");
            // the run dies here, before complete()
        }

        assertThat(warehouse.rows(CUSTOMERS)).containsExactly("1|Ann", "2|Bob");
        assertThat(warehouse.committedState(request)).isEqualTo(watermark(1));
        warehouse.run(request, batch(CUSTOMER, watermark(3), customer(4, "Di", "4")));
        assertThat(warehouse.rows(CUSTOMERS)).containsExactly("4|Di");
    }

    @ParameterizedTest
    @CsvSource({"DUCKDB,MERGE", "DUCKDB,APPEND", "DUCKDB,DROP_CREATE_LOAD", "DUCKDB,TRUNCATE_LOAD",
            "POSTGRES,MERGE", "POSTGRES,APPEND", "POSTGRES,DROP_CREATE_LOAD", "POSTGRES,TRUNCATE_LOAD"})
    void shouldDropTheStagingTableAKilledReloadLeftOnTheNextRun(Engine engine, LoadMethod method,
                                                                TestWarehouse.Factory warehouses) {
        TestWarehouse warehouse = warehouses.open(engine, directory);
        WriteRequest request = customers(method);
        warehouse.run(request, batch(CUSTOMER, watermark(1), customer(1, "Ann", "1")));
        // What a full refresh killed before its swap leaves: the staging table, half filled; close() never ran.
        warehouse.execute("CREATE TABLE customer__nsbridge_load AS SELECT * FROM customer");
        warehouse.execute("CREATE TABLE other__nsbridge_load AS SELECT * FROM customer");

        warehouse.run(request, batch(CUSTOMER, watermark(2), customer(2, "Bob", "2")));

        assertThat(warehouse.tableExists(null, "customer__nsbridge_load")).as("this extract's leftover").isFalse();
        assertThat(warehouse.tableExists(null, "other__nsbridge_load")).as("another table's").isTrue();
    }

    @ParameterizedTest
    @CsvSource({"DUCKDB,DROP_CREATE_LOAD", "DUCKDB,TRUNCATE_LOAD", "POSTGRES,DROP_CREATE_LOAD",
            "POSTGRES,TRUNCATE_LOAD"})
    void shouldKeepThePreviousTableAndStateWhenTheSwapFails(Engine engine, LoadMethod method,
                                                            TestWarehouse.Factory warehouses) {
        TestWarehouse warehouse = warehouses.open(engine, directory);
        WriteRequest request = customers(method);
        warehouse.run(request, batch(CUSTOMER, watermark(1), customer(1, "Ann", "1"), customer(2, "Bob", "2")));

        try (DestinationWriter writer = warehouse.destination().open(request)) {
            writer.write(batch(CUSTOMER, watermark(2), customer(3, "Cy", "3")));
            warehouse.execute("DROP TABLE customer__nsbridge_load");
            assertThatThrownBy(() -> writer.complete(watermark(2))).isInstanceOf(NsbridgeException.class);
        }

        assertThat(warehouse.rows(CUSTOMERS)).containsExactly("1|Ann", "2|Bob");
        assertThat(warehouse.committedState(request)).isEqualTo(watermark(1));
    }
}
