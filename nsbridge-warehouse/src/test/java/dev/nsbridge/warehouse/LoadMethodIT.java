package dev.nsbridge.warehouse;

import static dev.nsbridge.warehouse.Scenarios.CUSTOMER;
import static dev.nsbridge.warehouse.Scenarios.LINE;
import static dev.nsbridge.warehouse.Scenarios.batch;
import static dev.nsbridge.warehouse.Scenarios.customer;
import static dev.nsbridge.warehouse.Scenarios.customers;
import static dev.nsbridge.warehouse.Scenarios.line;
import static dev.nsbridge.warehouse.Scenarios.lines;
import static dev.nsbridge.warehouse.Scenarios.watermark;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.data.RecordSchema;
import dev.nsbridge.spi.destination.DestinationWriter;
import dev.nsbridge.spi.destination.LoadMethod;
import dev.nsbridge.spi.destination.WriteRequest;
import dev.nsbridge.spi.destination.WriteResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(Warehouses.class)
final class LoadMethodIT {
    private static final String CUSTOMERS = "SELECT id, name, balance FROM customer ORDER BY id, name";

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldReplaceTheWholeTableOnDropCreateLoad(Engine engine, TestWarehouse.Factory warehouses) {
        TestWarehouse warehouse = warehouses.open(engine, directory);
        WriteRequest request = customers(LoadMethod.DROP_CREATE_LOAD);
        warehouse.run(request, batch(CUSTOMER, watermark(1), customer(1, "Ann", "1.50"), customer(2, "Bob", null)),
                batch(CUSTOMER, watermark(2), customer(3, "Cy", "3")));
        warehouse.run(request, batch(CUSTOMER, watermark(5), customer(2, "Bobby", "2.25"), customer(4, "Di", "4")));

        assertThat(warehouse.rows(CUSTOMERS)).containsExactly("2|Bobby|2.25", "4|Di|4");
        assertThat(warehouse.committedState(request)).isEqualTo(watermark(5));
        assertThat(warehouse.tableExists(null, "customer__nsbridge_load")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldKeepTheTableAndItsViewsOnTruncateLoad(Engine engine, TestWarehouse.Factory warehouses) {
        TestWarehouse warehouse = warehouses.open(engine, directory);
        WriteRequest request = customers(LoadMethod.TRUNCATE_LOAD);
        warehouse.run(request, batch(CUSTOMER, watermark(1), customer(1, "Ann", "1"), customer(2, "Bob", "2")));
        warehouse.execute("CREATE VIEW rich AS SELECT id, name FROM customer WHERE balance > 1");

        warehouse.run(request, batch(CUSTOMER, watermark(2), customer(3, "Cy", "30"), customer(4, "Di", "0")));

        assertThat(warehouse.rows(CUSTOMERS)).containsExactly("3|Cy|30", "4|Di|0");
        assertThat(warehouse.rows("SELECT id, name FROM rich")).containsExactly("3|Cy");
        assertThat(warehouse.committedState(request)).isEqualTo(watermark(2));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldAddRowsOnAppend(Engine engine, TestWarehouse.Factory warehouses) {
        TestWarehouse warehouse = warehouses.open(engine, directory);
        WriteRequest request = customers(LoadMethod.APPEND);
        warehouse.run(request, batch(CUSTOMER, watermark(1), customer(1, "Ann", "1"), customer(2, "Bob", "2")));
        warehouse.run(request, batch(CUSTOMER, watermark(2), customer(1, "Ann", "5"), customer(3, "Cy", "3")));

        assertThat(warehouse.rows(CUSTOMERS)).containsExactly("1|Ann|1", "1|Ann|5", "2|Bob|2", "3|Cy|3");
        assertThat(warehouse.committedState(request)).isEqualTo(watermark(2));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldGiveAColumnAUserAddedItsDefaultOnAppend(Engine engine, TestWarehouse.Factory warehouses) {
        TestWarehouse warehouse = warehouses.open(engine, directory);
        WriteRequest request = customers(LoadMethod.APPEND);
        warehouse.run(request, batch(CUSTOMER, watermark(1), customer(1, "Ann", "1")));
        warehouse.execute("ALTER TABLE customer ADD COLUMN note VARCHAR DEFAULT 'n/a'");
        warehouse.execute("UPDATE customer SET note = 'seen'");

        warehouse.run(request, batch(CUSTOMER, watermark(2), customer(2, "Bob", "2")));

        assertThat(warehouse.rows("SELECT id, name, note, _nsbridge_deleted FROM customer ORDER BY id"))
                .containsExactly("1|Ann|seen|false", "2|Bob|n/a|false");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldReplaceAnUpdatedRowOnMerge(Engine engine, TestWarehouse.Factory warehouses) {
        TestWarehouse warehouse = warehouses.open(engine, directory);
        WriteRequest request = customers(LoadMethod.MERGE);
        warehouse.run(request, batch(CUSTOMER, watermark(1), customer(1, "Ann", "1"), customer(2, "Bob", "2")));
        warehouse.run(request, batch(CUSTOMER, watermark(2), customer(2, "Bobby", "20"), customer(3, "Cy", "3"),
                customer(3, "Cyril", "33")));

        assertThat(warehouse.rows(CUSTOMERS)).containsExactly("1|Ann|1", "2|Bobby|20", "3|Cyril|33");
        assertThat(warehouse.rows("SELECT count(*) FROM customer WHERE _nsbridge_deleted")).containsExactly("0");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldFlagDeletedRowsOnMerge(Engine engine, TestWarehouse.Factory warehouses) {
        TestWarehouse warehouse = warehouses.open(engine, directory);
        WriteRequest request = customers(LoadMethod.MERGE);
        warehouse.run(request, batch(CUSTOMER, watermark(1), customer(1, "Ann", "1"), customer(2, "Bob", "2")));
        WriteResult[] result = new WriteResult[1];
        try (DestinationWriter writer = warehouse.destination().open(request)) {
            result[0] = writer.write(new Batch(new RecordSchema(CUSTOMER), List.of(), List.of(List.of(1L), List.of(9L)),
                    Optional.empty(), watermark(2)));
            writer.complete(watermark(2));
        }

        assertThat(result[0].deleted()).isEqualTo(1);
        assertThat(warehouse.rows("SELECT id, _nsbridge_deleted FROM customer ORDER BY id"))
                .containsExactly("1|true", "2|false");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldRemoveDeletedRowsWhenDeletesIsRemove(Engine engine, TestWarehouse.Factory warehouses) {
        TestWarehouse warehouse = warehouses.open(engine, directory);
        WriteRequest request = customers(LoadMethod.MERGE, Map.of("deletes", "remove"));
        warehouse.run(request, batch(CUSTOMER, watermark(1), customer(1, "Ann", "1"), customer(2, "Bob", "2")));
        warehouse.run(request, new Batch(new RecordSchema(CUSTOMER), List.<Object[]>of(customer(3, "Cy", "3")),
                List.of(List.of(2L)), Optional.empty(), watermark(2)));

        assertThat(warehouse.rows(CUSTOMERS)).containsExactly("1|Ann|1", "3|Cy|3");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldFlagEveryRowAFullReadDidNotReturnOnMerge(Engine engine, TestWarehouse.Factory warehouses) {
        TestWarehouse warehouse = warehouses.openTicking(engine, directory);
        WriteRequest request = customers(LoadMethod.MERGE);
        warehouse.run(request, batch(CUSTOMER, watermark(1), customer(1, "Ann", "1"), customer(2, "Bob", "2"),
                customer(3, "Cy", "3")));
        try (DestinationWriter killed = warehouse.destination().open(request)) {
            killed.write(batch(CUSTOMER, watermark(1), customer(4, "Di", "4")));
            // the run dies here: Di landed, and the source deleted her before the next read
        }
        WriteResult[] closing = new WriteResult[1];
        try (DestinationWriter full = warehouse.destination().open(request)) {
            full.write(batch(CUSTOMER, watermark(1), customer(1, "Ann", "10"), customer(3, "Cy", "3")));
            closing[0] = full.write(Batch.endOfSnapshot(new RecordSchema(CUSTOMER), watermark(2)));
            full.complete(watermark(2));
        }

        assertThat(closing[0].deleted()).isEqualTo(2);
        assertThat(warehouse.rows("SELECT id, balance, _nsbridge_deleted FROM customer ORDER BY id"))
                .containsExactly("1|10|false", "2|2|true", "3|3|false", "4|4|true");
        assertThat(warehouse.committedState(request)).isEqualTo(watermark(2));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldRemoveWhatAFullReadDidNotReturnWhenDeletesIsRemove(Engine engine, TestWarehouse.Factory warehouses) {
        TestWarehouse warehouse = warehouses.openTicking(engine, directory);
        WriteRequest request = customers(LoadMethod.MERGE, Map.of("deletes", "remove"));
        warehouse.run(request, batch(CUSTOMER, watermark(1), customer(1, "Ann", "1"), customer(2, "Bob", "2")));
        warehouse.run(request, batch(CUSTOMER, watermark(1), customer(2, "Bob", "2")),
                Batch.endOfSnapshot(new RecordSchema(CUSTOMER), watermark(2)));

        assertThat(warehouse.rows(CUSTOMERS)).containsExactly("2|Bob|2");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldKeepRowsAReadThatIsNotFullDidNotReturn(Engine engine, TestWarehouse.Factory warehouses) {
        TestWarehouse warehouse = warehouses.openTicking(engine, directory);
        WriteRequest request = customers(LoadMethod.MERGE);
        warehouse.run(request, batch(CUSTOMER, watermark(1), customer(1, "Ann", "1"), customer(2, "Bob", "2")));
        warehouse.run(request, batch(CUSTOMER, watermark(2), customer(2, "Bobby", "2")));

        assertThat(warehouse.rows("SELECT id, name, _nsbridge_deleted FROM customer ORDER BY id"))
                .containsExactly("1|Ann|false", "2|Bobby|false");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldRemoveLinesThatVanishedFromAChangedTransaction(Engine engine, TestWarehouse.Factory warehouses) {
        TestWarehouse warehouse = warehouses.open(engine, directory);
        WriteRequest request = lines(LoadMethod.MERGE);
        warehouse.run(request, batch(LINE, watermark(1), line(100, 1, "a"), line(100, 2, "b"), line(100, 3, "c"),
                line(200, 1, "other")));
        warehouse.run(request, new Batch(new RecordSchema(LINE), List.of(line(100, 1, "a2"), line(100, 3, "c")),
                List.of(), Optional.of(new Batch.Scope("transaction", List.of(100L, 300L))), watermark(2)));

        assertThat(warehouse.rows("SELECT transaction, id, memo FROM transactionline ORDER BY transaction, id"))
                .containsExactly("100|1|a2", "100|3|c", "200|1|other");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldFlagDeletedRecordsAndRemoveVanishedLinesUnderFivetranLoadMetadata(Engine engine,
                                                                                 TestWarehouse.Factory warehouses) {
        TestWarehouse warehouse = warehouses.openTicking(engine, directory, LoadMetadata.FIVETRAN);
        warehouse.run(customers(LoadMethod.MERGE), batch(CUSTOMER, watermark(1), customer(1, "Ann", "1"),
                customer(2, "Bob", "2"), customer(3, "Cy", "3")));
        warehouse.run(lines(LoadMethod.MERGE), batch(LINE, watermark(1), line(100, 1, "a"), line(100, 2, "b"),
                line(200, 1, "c"), line(300, 1, "d")));

        warehouse.run(customers(LoadMethod.MERGE), new Batch(new RecordSchema(CUSTOMER), List.of(),
                List.of(List.of(1L)), Optional.empty(), watermark(2)));
        warehouse.run(customers(LoadMethod.MERGE), batch(CUSTOMER, watermark(3), customer(1, "Ann", "1"),
                customer(3, "Cy", "3")), Batch.endOfSnapshot(new RecordSchema(CUSTOMER), watermark(3)));
        warehouse.run(lines(LoadMethod.MERGE), new Batch(new RecordSchema(LINE), List.<Object[]>of(line(100, 1, "a")),
                List.of(), Optional.of(new Batch.Scope("transaction", List.of(100L))), watermark(2)));
        warehouse.run(lines(LoadMethod.MERGE), batch(LINE, watermark(3), line(100, 1, "a")),
                Batch.endOfSnapshot(new RecordSchema(LINE), watermark(3)));

        assertThat(warehouse.rows("SELECT id, _nsbridge_deleted, _fivetran_deleted, _fivetran_active,"
                + " date_deleted IS NOT NULL, date_deleted = _fivetran_synced FROM customer ORDER BY id"))
                .containsExactly("1|false|false|true|false|null", "2|true|true|false|true|true",
                        "3|false|false|true|false|null");
        assertThat(warehouse.rows("SELECT transaction, id, _fivetran_deleted FROM transactionline ORDER BY 1, 2"))
                .containsExactly("100|1|false");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldRedoAMergeBatchWithoutDoublingAnything(Engine engine, TestWarehouse.Factory warehouses) {
        TestWarehouse warehouse = warehouses.open(engine, directory);
        WriteRequest request = customers(LoadMethod.MERGE);
        Batch batch = batch(CUSTOMER, watermark(1), customer(1, "Ann", "1"), customer(2, "Bob", "2"));
        warehouse.run(request, batch);
        warehouse.run(request, batch);

        assertThat(warehouse.rows(CUSTOMERS)).containsExactly("1|Ann|1", "2|Bob|2");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldStartAnAppendRerunAfterTheLastCommittedBatch(Engine engine, TestWarehouse.Factory warehouses) {
        TestWarehouse warehouse = warehouses.open(engine, directory);
        WriteRequest request = customers(LoadMethod.APPEND);
        try (DestinationWriter writer = warehouse.destination().open(request)) {
            writer.write(batch(CUSTOMER, watermark(1), customer(1, "Ann", "1")));
            writer.write(batch(CUSTOMER, watermark(2), customer(2, "Bob", "2")));
            // the run dies here, before complete()
        }

        assertThat(warehouse.committedState(request)).isEqualTo(watermark(2));
        assertThat(warehouse.rows(CUSTOMERS)).containsExactly("1|Ann|1", "2|Bob|2");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldStampEveryRowWithTheRunsExtractionTime(Engine engine, TestWarehouse.Factory warehouses) {
        TestWarehouse warehouse = warehouses.open(engine, directory);
        for (LoadMethod method : LoadMethod.values()) {
            WriteRequest request = Scenarios.request("stamped_" + method.wireName(), CUSTOMER, List.of("id"), method,
                    Map.of());
            warehouse.run(request, batch(CUSTOMER, watermark(1), customer(1, "Ann", "1")));

            assertThat(warehouse.rows("SELECT " + engine.utcText("_nsbridge_extracted_at") + " FROM stamped_"
                    + method.wireName())).as(method.wireName()).containsExactly("2024-05-01T08:30:00.123456Z");
        }
    }
}
