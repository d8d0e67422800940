package dev.nsbridge.flows.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A NetSuite sales order as the order flows read it: header, lines and addresses, typed.
 *
 * @param id         NetSuite internal id of the sales order; the root of every unique id sent for it
 * @param tranId     the order number people see (e.g. SO10452)
 * @param customer   whose order it is, as Klaviyo identifies people
 * @param placedAt   when it was placed (UTC)
 * @param total      order total in {@code currency}
 * @param currency   ISO 4217 code
 * @param discountCode the coupon, if any
 * @param discount   the discount amount, if any
 */
public record Order(String id, String tranId, CustomerRef customer, Instant placedAt, BigDecimal total,
                    String currency, Optional<String> discountCode, Optional<BigDecimal> discount,
                    List<Line> lines, Optional<Address> billing, Optional<Address> shipping) {

    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(total, "total");
        lines = List.copyOf(lines);
    }

    /** How Klaviyo will find the person: any of these; the NetSuite customer id always goes as external_id. */
    public record CustomerRef(String externalId, Optional<String> email, Optional<String> phoneNumber) {
        public CustomerRef {
            Objects.requireNonNull(externalId, "externalId");
        }
    }

    /** One item line of the order. */
    public record Line(String lineId, String itemId, Optional<String> sku, String name, BigDecimal quantity,
                       BigDecimal rate, BigDecimal amount, List<String> categories, Optional<String> brand,
                       Optional<String> productUrl, Optional<String> imageUrl) {
        public Line {
            Objects.requireNonNull(lineId, "lineId");
            categories = List.copyOf(categories);
        }
    }

    /** A billing or shipping address in Klaviyo's property names' terms. */
    public record Address(String firstName, String lastName, String address1, String city, String regionCode,
                          String countryCode, String zip, String phone) {
    }
}
