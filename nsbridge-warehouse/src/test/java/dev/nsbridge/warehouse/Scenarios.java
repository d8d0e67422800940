package dev.nsbridge.warehouse;

import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.data.RecordSchema;
import dev.nsbridge.spi.destination.LoadMethod;
import dev.nsbridge.spi.destination.WriteRequest;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The streams, requests and batches the shared scenarios write. */
final class Scenarios {
    static final List<Column> CUSTOMER = List.of(new Column("id", ColumnType.INTEGER),
            new Column("name", ColumnType.STRING), new Column("balance", ColumnType.DECIMAL));
    static final List<Column> LINE = List.of(new Column("transaction", ColumnType.INTEGER),
            new Column("id", ColumnType.INTEGER), new Column("memo", ColumnType.STRING));
    /** A stream with NetSuite's kinds of flag and date, which load metadata may land in other types. */
    static final List<Column> PERIOD = List.of(new Column("id", ColumnType.INTEGER),
            new Column("periodname", ColumnType.STRING), new Column("closed", ColumnType.BOOLEAN),
            new Column("startdate", ColumnType.DATE));

    private Scenarios() {
    }

    static WriteRequest customers(LoadMethod method) {
        return customers(method, Map.of());
    }

    static WriteRequest customers(LoadMethod method, Map<String, String> options) {
        return request("customer", CUSTOMER, List.of("id"), method, options);
    }

    static WriteRequest lines(LoadMethod method) {
        return request("transactionline", LINE, List.of("transaction", "id"), method, Map.of());
    }

    static WriteRequest request(String target, List<Column> columns, List<String> key, LoadMethod method,
                                Map<String, String> options) {
        StreamDescriptor stream = new StreamDescriptor(target, columns, key, Optional.of("lastmodifieddate"));
        return new WriteRequest(target + "-pipeline", stream, target, method, key, options);
    }

    static State watermark(long value) {
        return State.EMPTY.with("watermark", value).with("cursor", "2024-05-0" + (value % 9 + 1) + "T00:00:00Z");
    }

    static Batch batch(List<Column> columns, State after, Object[]... rows) {
        return Batch.of(new RecordSchema(columns), Arrays.asList(rows), after);
    }

    static Object[] customer(long id, String name, String balance) {
        return new Object[] {id, name, balance == null ? null : new BigDecimal(balance)};
    }

    static WriteRequest periods(LoadMethod method) {
        return request("accountingperiod", PERIOD, List.of("id"), method, Map.of());
    }

    static Object[] period(long id, String name, Boolean closed, String startDate) {
        return new Object[] {id, name, closed, startDate == null ? null : LocalDate.parse(startDate)};
    }

    static Object[] line(long transaction, long id, String memo) {
        return new Object[] {transaction, id, memo};
    }
}
