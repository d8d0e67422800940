package dev.nsbridge.warehouse;

import static dev.nsbridge.warehouse.Scenarios.CUSTOMER;
import static dev.nsbridge.warehouse.Scenarios.LINE;
import static dev.nsbridge.warehouse.Scenarios.PERIOD;
import static dev.nsbridge.warehouse.Scenarios.batch;
import static dev.nsbridge.warehouse.Scenarios.customer;
import static dev.nsbridge.warehouse.Scenarios.customers;
import static dev.nsbridge.warehouse.Scenarios.line;
import static dev.nsbridge.warehouse.Scenarios.lines;
import static dev.nsbridge.warehouse.Scenarios.period;
import static dev.nsbridge.warehouse.Scenarios.periods;
import static dev.nsbridge.warehouse.Scenarios.watermark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.data.RecordSchema;
import dev.nsbridge.spi.destination.LoadMethod;
import dev.nsbridge.spi.destination.WriteRequest;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code load_metadata: fivetran} in DuckDB: the columns, types and values modelling packages read, per load method. */
final class FivetranLoadMetadataTest {
    private static final String SYNCED = Engine.DUCKDB.utcText("_fivetran_synced");
    private static final String DATE_DELETED = Engine.DUCKDB.utcText("date_deleted");
    private static final String RUN = "2024-05-01T08:30:00.123456Z";

    @TempDir
    Path directory;

    private final TestWarehouse.Factory warehouses = new TestWarehouse.Factory(() -> {
        throw new IllegalStateException("these tests use DuckDB only");
    });

    @Test
    void shouldLandFlagsAsTextDatesAsTimestampsAndTheLoadColumnsBesideNsbridgesOwn() {
        TestWarehouse warehouse = warehouses.open(Engine.DUCKDB, directory, LoadMetadata.FIVETRAN);
        warehouse.run(periods(LoadMethod.MERGE), batch(PERIOD, watermark(1), period(1, "Jan 2024", true,
                "2024-01-01"), period(2, "Feb 2024", false, "2024-02-01"), period(3, "Mar 2024", null, null)));

        assertThat(warehouse.rows("SELECT column_name, data_type FROM information_schema.columns WHERE table_name ="
                + " 'accountingperiod' ORDER BY column_name")).containsExactly("_fivetran_active|BOOLEAN",
                "_fivetran_deleted|BOOLEAN", "_fivetran_id|VARCHAR", "_fivetran_synced|TIMESTAMP",
                "_nsbridge_deleted|BOOLEAN", "_nsbridge_extracted_at|TIMESTAMP", "closed|VARCHAR",
                "date_deleted|TIMESTAMP", "id|BIGINT", "periodname|VARCHAR", "startdate|TIMESTAMP");
        assertThat(warehouse.rows("SELECT id, closed, " + Engine.DUCKDB.utcText("startdate") + ", " + SYNCED
                + ", _fivetran_deleted, _fivetran_active, date_deleted, _nsbridge_deleted FROM accountingperiod"
                + " ORDER BY id")).containsExactly(
                "1|T|2024-01-01T00:00:00.000000Z|" + RUN + "|false|true|null|false",
                "2|F|2024-02-01T00:00:00.000000Z|" + RUN + "|false|true|null|false",
                "3|null|null|" + RUN + "|false|true|null|false");
    }

    @Test
    void shouldKeepNsbridgesOwnLayoutByDefault() {
        TestWarehouse warehouse = warehouses.open(Engine.DUCKDB, directory);
        warehouse.run(periods(LoadMethod.MERGE), batch(PERIOD, watermark(1), period(1, "Jan", true, "2024-01-01")));

        assertThat(warehouse.rows("SELECT column_name, data_type FROM information_schema.columns WHERE table_name ="
                + " 'accountingperiod' ORDER BY column_name")).containsExactly("_nsbridge_deleted|BOOLEAN",
                "_nsbridge_extracted_at|TIMESTAMP", "closed|BOOLEAN", "id|BIGINT", "periodname|VARCHAR",
                "startdate|DATE");
    }

    @Test
    void shouldGiveEachKeyOneStableIdAcrossRunsAndLoadMethods() {
        TestWarehouse warehouse = warehouses.openTicking(Engine.DUCKDB, directory, LoadMetadata.FIVETRAN);
        WriteRequest merge = lines(LoadMethod.MERGE);
        warehouse.run(merge, batch(LINE, watermark(1), line(100, 1, "a"), line(100, 2, "b"), line(1001, 0, "c")));
        List<String> first = warehouse.rows("SELECT transaction, id, _fivetran_id FROM transactionline ORDER BY 1, 2");
        warehouse.run(merge, batch(LINE, watermark(2), line(100, 1, "a changed")));
        WriteRequest appended = Scenarios.request("line_copy", LINE, List.of("transaction", "id"), LoadMethod.APPEND,
                Map.of());
        warehouse.run(appended, batch(LINE, watermark(1), line(100, 1, "a"), line(100, 2, "b"), line(1001, 0, "c")));

        assertThat(warehouse.rows("SELECT transaction, id, _fivetran_id FROM transactionline ORDER BY 1, 2"))
                .isEqualTo(first);
        assertThat(warehouse.rows("SELECT transaction, id, _fivetran_id FROM line_copy ORDER BY 1, 2"))
                .isEqualTo(first);
        assertThat(warehouse.rows("SELECT count(DISTINCT _fivetran_id) FROM transactionline WHERE"
                + " _fivetran_id ~ '^[0-9a-f]{32}$'")).containsExactly("3");
    }

    @Test
    void shouldFlagADeletedRecordUnderBothNamesWithWhenItWasSeen() {
        TestWarehouse warehouse = warehouses.open(Engine.DUCKDB, directory, LoadMetadata.FIVETRAN);
        WriteRequest request = customers(LoadMethod.MERGE);
        warehouse.run(request, batch(CUSTOMER, watermark(1), customer(1, "Ann", "1"), customer(2, "Bob", "2")));
        warehouse.run(request, new Batch(new RecordSchema(CUSTOMER), List.of(), List.of(List.of(1L)),
                Optional.empty(), watermark(2)));

        assertThat(warehouse.rows("SELECT id, _nsbridge_deleted, _fivetran_deleted, _fivetran_active, " + DATE_DELETED
                + " FROM customer ORDER BY id")).containsExactly("1|true|true|false|" + RUN, "2|false|false|true|null");
    }

    @Test
    void shouldClearTheDeletedColumnsWhenADeletedRecordComesBack() {
        TestWarehouse warehouse = warehouses.openTicking(Engine.DUCKDB, directory, LoadMetadata.FIVETRAN);
        WriteRequest request = customers(LoadMethod.MERGE);
        warehouse.run(request, batch(CUSTOMER, watermark(1), customer(1, "Ann", "1")));
        warehouse.run(request, new Batch(new RecordSchema(CUSTOMER), List.of(), List.of(List.of(1L)),
                Optional.empty(), watermark(2)));
        warehouse.run(request, batch(CUSTOMER, watermark(3), customer(1, "Ann", "5")));

        assertThat(warehouse.rows("SELECT id, balance, _nsbridge_deleted, _fivetran_deleted, _fivetran_active,"
                + " date_deleted FROM customer")).containsExactly("1|5|false|false|true|null");
    }

    @Test
    void shouldRemoveLinesAFullReadNoLongerReturnsButFlagWholeRecords() {
        TestWarehouse warehouse = warehouses.openTicking(Engine.DUCKDB, directory, LoadMetadata.FIVETRAN);
        warehouse.run(lines(LoadMethod.MERGE), batch(LINE, watermark(1), line(100, 1, "a"), line(100, 2, "b")));
        warehouse.run(customers(LoadMethod.MERGE), batch(CUSTOMER, watermark(1), customer(1, "Ann", "1"),
                customer(2, "Bob", "2")));

        warehouse.run(lines(LoadMethod.MERGE), batch(LINE, watermark(2), line(100, 1, "a")),
                Batch.endOfSnapshot(new RecordSchema(LINE), watermark(2)));
        warehouse.run(customers(LoadMethod.MERGE), batch(CUSTOMER, watermark(2), customer(1, "Ann", "1")),
                Batch.endOfSnapshot(new RecordSchema(CUSTOMER), watermark(2)));

        assertThat(warehouse.rows("SELECT transaction, id, _fivetran_deleted FROM transactionline ORDER BY id"))
                .containsExactly("100|1|false");
        assertThat(warehouse.rows("SELECT id, _fivetran_deleted, _fivetran_active FROM customer ORDER BY id"))
                .containsExactly("1|false|true", "2|true|false");
    }

    @Test
    void shouldLandTheSameColumnsWithEveryLoadMethod() {
        TestWarehouse warehouse = warehouses.open(Engine.DUCKDB, directory, LoadMetadata.FIVETRAN);
        for (LoadMethod method : LoadMethod.values()) {
            String table = "period_" + method.wireName();
            warehouse.run(Scenarios.request(table, PERIOD, List.of("id"), method, Map.of()),
                    batch(PERIOD, watermark(1), period(1, "Jan", false, "2024-01-01")));
        }
        warehouse.run(Scenarios.request("period_truncate_load", PERIOD, List.of("id"), LoadMethod.TRUNCATE_LOAD,
                Map.of()), batch(PERIOD, watermark(2), period(1, "Jan", true, "2024-01-01")));

        for (LoadMethod method : LoadMethod.values()) {
            assertThat(warehouse.rows("SELECT closed, " + Engine.DUCKDB.utcText("startdate") + ", " + SYNCED
                    + ", _fivetran_deleted, _fivetran_active, length(_fivetran_id), date_deleted FROM period_"
                    + method.wireName())).as(method.wireName()).containsExactly((method == LoadMethod.TRUNCATE_LOAD
                    ? "T" : "F") + "|2024-01-01T00:00:00.000000Z|" + RUN + "|false|true|32|null");
        }
    }

    @Test
    void shouldRefuseAStreamColumnNamedLikeALoadColumn() {
        TestWarehouse warehouse = warehouses.open(Engine.DUCKDB, directory, LoadMetadata.FIVETRAN);
        List<Column> columns = List.of(new Column("id", ColumnType.INTEGER),
                new Column("date_deleted", ColumnType.TIMESTAMP));

        assertThatThrownBy(() -> warehouse.run(Scenarios.request("odd", columns, List.of("id"), LoadMethod.MERGE,
                Map.of()))).isInstanceOf(ConfigurationException.class).hasMessageContaining("date_deleted");
    }
}
