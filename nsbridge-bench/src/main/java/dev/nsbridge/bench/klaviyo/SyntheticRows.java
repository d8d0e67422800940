package dev.nsbridge.bench.klaviyo;

import dev.nsbridge.spi.data.NestedRecords;
import dev.nsbridge.spi.data.RecordSchema;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NetSuite rows in the shape the flows' queries give them, made in memory: the benchmark measures Klaviyo, so
 * NetSuite's own pace (measured by the extract benchmark) stays out of the figure. A fixed pool of customers keeps
 * the sandbox's memory bounded while every row is still a full write on Klaviyo's side.
 */
final class SyntheticRows {
    /** An order line as the orders flow nests it in the order's row. */
    private static final RecordSchema LINE = new RecordSchema(List.of(new Column("line_id", ColumnType.STRING),
            new Column("item_id", ColumnType.STRING), new Column("sku", ColumnType.STRING),
            new Column("name", ColumnType.STRING), new Column("quantity", ColumnType.DECIMAL),
            new Column("rate", ColumnType.DECIMAL), new Column("amount", ColumnType.DECIMAL),
            new Column("category", ColumnType.STRING), new Column("brand", ColumnType.STRING)));
    private final int customers;
    private final Instant placedBefore;
    private long nextOrder = 1;
    private long nextCustomer;

    SyntheticRows(int customers, Instant placedBefore) {
        this.customers = customers;
        this.placedBefore = placedBefore;
    }

    /** Sales orders with two lines each, as the orders flow reads them; every order id is new. */
    synchronized List<Map<String, Object>> orders(int count) {
        List<Map<String, Object>> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long order = nextOrder++;
            long customer = order % customers + 1;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", Long.toString(order));
            row.put("order_id", Long.toString(order));
            row.put("tranid", "SO" + order);
            row.put("customer_id", Long.toString(customer));
            row.put("email", "customer" + customer + "@example.com");
            row.put("firstname", "Pat");
            row.put("lastname", "Customer" + customer);
            row.put("placed_at", placedBefore.minus(Duration.ofMinutes(order)));
            row.put("total", new BigDecimal("74.50"));
            row.put("currency", "USD");
            row.put("bill_address1", "1 Main Street");
            row.put("bill_city", "Boston");
            row.put("bill_state", "MA");
            row.put("bill_zip", "02110");
            row.put("bill_country", "US");
            String item = Long.toString(order % 200 + 1);
            row.put("lines", new NestedRecords(LINE, List.of(
                    new Object[] {"1", item, "SKU-" + item, "Linen shirt", BigDecimal.ONE, new BigDecimal("49.5"),
                            new BigDecimal("49.5"), "Shirts", "Northwind"},
                    new Object[] {"2", "7", "SKU-7", "Canvas tote", BigDecimal.ONE, new BigDecimal("25"),
                            new BigDecimal("25"), "Bags", "Northwind"})));
            rows.add(row);
        }
        return rows;
    }

    /**
     * Customers as the customers flow reads them, cycling through the pool so each import updates known profiles.
     * No subscription status: consent has its own endpoint and limit, and this measures the profile import.
     */
    synchronized List<Map<String, Object>> customers(int count) {
        List<Map<String, Object>> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long customer = nextCustomer++ % customers + 1;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", Long.toString(customer));
            row.put("email", "customer" + customer + "@example.com");
            row.put("firstname", "Pat");
            row.put("lastname", "Customer" + customer);
            row.put("isperson", "T");
            row.put("lastmodifieddate", placedBefore.minus(Duration.ofSeconds(customer)));
            row.put("bill_address1", "1 Main Street");
            row.put("bill_city", "Boston");
            row.put("bill_state", "MA");
            row.put("bill_zip", "02110");
            row.put("bill_country", "US");
            rows.add(row);
        }
        return rows;
    }
}
