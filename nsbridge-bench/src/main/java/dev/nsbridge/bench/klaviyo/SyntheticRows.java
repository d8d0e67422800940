package dev.nsbridge.bench.klaviyo;

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
            row.put("lines", "[{\"line_id\":1,\"item_id\":" + (order % 200 + 1) + ",\"sku\":\"SKU-" + (order % 200 + 1)
                    + "\",\"name\":\"Linen shirt\",\"quantity\":1,\"rate\":49.5,\"amount\":49.5,"
                    + "\"category\":\"Shirts\",\"brand\":\"Northwind\"},{\"line_id\":2,\"item_id\":7,\"sku\":\"SKU-7\","
                    + "\"name\":\"Canvas tote\",\"quantity\":1,\"rate\":25,\"amount\":25,\"category\":\"Bags\","
                    + "\"brand\":\"Northwind\"}]");
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
