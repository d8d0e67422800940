package dev.nsbridge.kafka.connect.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.kafka.connect.sink.StructRows;
import dev.nsbridge.netsuite.source.DetailQuery;
import dev.nsbridge.flows.orders.OrderQueries;
import dev.nsbridge.spi.data.NestedRecords;
import dev.nsbridge.spi.data.RecordSchema;
import dev.nsbridge.spi.data.RowMap;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

/**
 * A flow document on its way through Kafka: the source's record (lines as an array of structs), written and read
 * back by the JSON converter a worker uses, then the row the Klaviyo sink hands the flow's delivery.
 */
final class FlowDocumentRecordsTest {
    private static final DetailQuery LINES = OrderQueries.lines(Optional.of("custitem_brand"), Optional.empty());
    private static final RecordSchema ORDER = new RecordSchema(List.of(new Column("id", ColumnType.STRING),
            new Column("total", ColumnType.DECIMAL), new Column("item_count", ColumnType.INTEGER),
            new Column("placed_at", ColumnType.TIMESTAMP), new Column("ship_date", ColumnType.DATE),
            new Column("paid", ColumnType.BOOLEAN), new Column("memo", ColumnType.STRING),
            LINES.streamColumn()));

    private final RecordConverter converter = new RecordConverter("flow:orders", List.of("id"), 2, false,
            Map.of(OrderQueries.LINES, LINES.schema()));

    @Test
    void shouldGiveTheSinkTheDocumentTheSourceRead() {
        Object[] order = order();

        RowMap row = new StructRows().row(throughKafka(converter.schemas(ORDER).value(),
                converter.value(ORDER, order)));

        RowMap read = new RowMap(ORDER, order);
        for (Column column : ORDER.columns()) {
            if (column.type() != ColumnType.RECORDS) {
                assertThat(row.get(column.name())).as(column.name()).isEqualTo(read.get(column.name()));
            }
        }
        NestedRecords lines = (NestedRecords) row.get(OrderQueries.LINES);
        NestedRecords readLines = (NestedRecords) read.get(OrderQueries.LINES);
        assertThat(lines.schema()).isEqualTo(readLines.schema());
        assertThat(lines.maps()).isEqualTo(readLines.maps());
    }

    @Test
    void shouldCarryAnOrderWithoutLinesAsAnEmptyArray() {
        Object[] order = order();
        order[ORDER.indexOf(OrderQueries.LINES)] = NestedRecords.none(LINES.schema());

        RowMap row = new StructRows().row(throughKafka(converter.schemas(ORDER).value(),
                converter.value(ORDER, order)));

        assertThat(((NestedRecords) row.get(OrderQueries.LINES)).size()).isZero();
    }

    @Test
    void shouldKeyADocumentByItsId() {
        Struct key = converter.key(ORDER, order());

        assertThat(key.schema().fields()).extracting(org.apache.kafka.connect.data.Field::name)
                .containsExactly("id");
        assertThat(key.get("id")).isEqualTo("7001");
    }

    private static Object[] order() {
        RecordSchema lines = LINES.schema();
        Object[] chair = new Object[lines.size()];
        chair[lines.indexOf("line_id")] = "1";
        chair[lines.indexOf("item_id")] = "11";
        chair[lines.indexOf("sku")] = "CHAIR-1";
        chair[lines.indexOf("name")] = "Chair";
        chair[lines.indexOf("quantity")] = new BigDecimal("2.00");
        chair[lines.indexOf("rate")] = new BigDecimal("20.00");
        chair[lines.indexOf("brand")] = "Oak & Co";
        chair[lines.indexOf("amount")] = new BigDecimal("40.00");
        Object[] lamp = chair.clone();
        lamp[lines.indexOf("line_id")] = "2";
        lamp[lines.indexOf("sku")] = "LAMP-2";
        lamp[lines.indexOf("brand")] = null;
        return new Object[] {"7001", new BigDecimal("59.90"), 2L, Instant.parse("2026-03-14T09:26:53Z"),
            LocalDate.of(2026, 3, 16), Boolean.TRUE, "Läuft — gift wrap", new NestedRecords(lines,
                List.of(chair, lamp))};
    }

    /** Written and read back as a worker's JSON converter (schemas on) does. */
    private static Object throughKafka(Schema schema, Struct value) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "true"), false);
        SchemaAndValue back = converter.toConnectData("flow_orders", converter.fromConnectData("flow_orders",
                schema, value));
        return back.value();
    }
}
