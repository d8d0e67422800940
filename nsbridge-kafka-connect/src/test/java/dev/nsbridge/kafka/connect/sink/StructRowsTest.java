package dev.nsbridge.kafka.connect.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.flows.orders.Order;
import dev.nsbridge.flows.orders.OrderDocuments;
import dev.nsbridge.spi.data.NestedRecords;
import dev.nsbridge.spi.data.RowMap;
import dev.nsbridge.spi.stream.ColumnType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

final class StructRowsTest {
    private static final Schema LINE = SchemaBuilder.struct().name("line").optional()
            .field("line_id", Schema.OPTIONAL_STRING_SCHEMA).field("item_id", Schema.OPTIONAL_STRING_SCHEMA)
            .field("sku", Schema.OPTIONAL_STRING_SCHEMA).field("name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("quantity", Decimal.builder(2).optional().build())
            .field("rate", Decimal.builder(2).optional().build())
            .field("amount", Decimal.builder(2).optional().build()).build();
    private static final Schema ORDER = SchemaBuilder.struct().name("order").optional()
            .field("id", Schema.OPTIONAL_STRING_SCHEMA).field("order_id", Schema.OPTIONAL_STRING_SCHEMA)
            .field("customer_id", Schema.OPTIONAL_STRING_SCHEMA).field("email", Schema.OPTIONAL_STRING_SCHEMA)
            .field("placed_at", Timestamp.builder().optional().build())
            .field("ship_date", org.apache.kafka.connect.data.Date.builder().optional().build())
            .field("total", Decimal.builder(2).optional().build())
            .field("item_count", Schema.OPTIONAL_INT32_SCHEMA)
            .field("lines", SchemaBuilder.array(LINE).optional().build()).build();
    private static final Instant PLACED = Instant.parse("2026-03-14T09:26:53Z");

    private final StructRows rows = new StructRows();

    @Test
    void shouldGiveEachValueTheJavaTypeOfItsColumnAsTheFlowReadsIt() {
        RowMap row = rows.row(order());

        assertThat(row.get("placed_at")).isEqualTo(PLACED);
        assertThat(row.get("ship_date")).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(row.get("total")).isEqualTo(new BigDecimal("59.90"));
        assertThat(row.get("item_count")).isEqualTo(2L);
        assertThat(row.get("email")).isEqualTo("ada@example.com");
        assertThat(row.containsKey("missing")).isFalse();
    }

    @Test
    void shouldNestAnArrayOfStructsAsTheDocumentsLines() {
        RowMap row = rows.row(order());

        assertThat(row.get("lines")).isInstanceOf(NestedRecords.class);
        NestedRecords lines = (NestedRecords) row.get("lines");
        assertThat(lines.schema().column(lines.schema().indexOf("quantity")).type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(lines.maps()).extracting(line -> line.get("line_id"), line -> line.get("amount"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1", new BigDecimal("40.00")),
                        org.assertj.core.groups.Tuple.tuple("2", new BigDecimal("19.90")));
    }

    @Test
    void shouldReadAsTheOrderTheFlowsMappingMakesOfIt() {
        Order order = new OrderDocuments(Optional.empty()).order(rows.row(order()));

        assertThat(order.id()).isEqualTo("7001");
        assertThat(order.placedAt()).isEqualTo(PLACED);
        assertThat(order.customer().email()).contains("ada@example.com");
        assertThat(order.lines()).extracting(Order.Line::sku, Order.Line::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Optional.of("CHAIR-1"), new BigDecimal("1.00")),
                        org.assertj.core.groups.Tuple.tuple(Optional.of("LAMP-2"), new BigDecimal("1.00")));
    }

    @Test
    void shouldRefuseAValueThatIsNoStruct() {
        assertThatThrownBy(() -> rows.row(Map.of("id", "1"))).isInstanceOf(DataException.class)
                .hasMessageContaining("not a flow document");
        assertThatThrownBy(() -> rows.row(null)).isInstanceOf(DataException.class).hasMessageContaining("empty");
    }

    @Test
    void shouldRefuseADocumentWithoutItsId() {
        Struct withoutId = order().put("id", null);

        assertThatThrownBy(() -> rows.row(withoutId)).isInstanceOf(DataException.class)
                .hasMessageContaining("no 'id'");
    }

    @Test
    void shouldNameAFieldOfATypeNoDocumentHolds() {
        Schema schema = SchemaBuilder.struct().field("id", Schema.STRING_SCHEMA)
                .field("tags", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build()).build();
        Struct odd = new Struct(schema).put("id", "1").put("tags", Map.of("a", "b"));

        assertThatThrownBy(() -> rows.row(odd)).isInstanceOf(DataException.class).hasMessageContaining("'tags'");
    }

    private static Struct order() {
        return new Struct(ORDER).put("id", "7001").put("order_id", "7001").put("customer_id", "42")
                .put("email", "ada@example.com").put("placed_at", Date.from(PLACED))
                .put("ship_date", Date.from(Instant.parse("2026-03-16T00:00:00Z")))
                .put("total", new BigDecimal("59.90")).put("item_count", 2)
                .put("lines", List.of(line("1", "11", "CHAIR-1", "40.00"), line("2", "12", "LAMP-2", "19.90")));
    }

    private static Struct line(String id, String item, String sku, String amount) {
        return new Struct(LINE).put("line_id", id).put("item_id", item).put("sku", sku).put("name", sku)
                .put("quantity", new BigDecimal("1.00")).put("rate", new BigDecimal(amount))
                .put("amount", new BigDecimal(amount));
    }
}
