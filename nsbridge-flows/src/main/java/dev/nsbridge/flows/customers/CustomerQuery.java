package dev.nsbridge.flows.customers;

import dev.nsbridge.flows.read.FlowSelect;
import dev.nsbridge.flows.read.FlowSelect.Projection;
import dev.nsbridge.spi.stream.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The customers flow's read: each active customer with its default billing address, under the aliases
 * {@link CustomerProfiles} reads, plus the columns {@code field_mapping} names and the stored Klaviyo profile id.
 */
public final class CustomerQuery {
    /** Alias of the column holding the Klaviyo profile id already written back, if any. */
    public static final String PROFILE_ID = "klaviyo_profile_id";

    private CustomerQuery() {
    }

    /**
     * @param profileIdField the customer field holding Klaviyo's profile id, e.g. custentity_klaviyo_profile_id
     * @param mappedColumns  customer columns mapped to profile properties (custom fields and overrides)
     */
    public static FlowSelect of(String profileIdField, Set<String> mappedColumns) {
        List<Projection> columns = new ArrayList<>(List.of(
                text("id", "c.id"), text("email", "c.email"), text("phone", "c.phone"),
                text("firstname", "c.firstname"), text("lastname", "c.lastname"),
                text("companyname", "c.companyname"), text("isperson", "c.isperson"),
                text("globalsubscriptionstatus", "c.globalsubscriptionstatus"),
                new Projection("datecreated", "c.datecreated", ColumnType.TIMESTAMP),
                new Projection("lastmodifieddate", "c.lastmodifieddate", ColumnType.TIMESTAMP),
                text(PROFILE_ID, FlowSelect.field("c", profileIdField)),
                text("bill_address1", "b.addr1"), text("bill_address2", "b.addr2"), text("bill_city", "b.city"),
                text("bill_state", "b.state"), text("bill_zip", "b.zip"), text("bill_country", "b.country")));
        for (String column : mappedColumns) {
            String alias = column.toLowerCase(Locale.ROOT);
            if (columns.stream().noneMatch(p -> p.alias().equals(alias))) {
                columns.add(text(alias, FlowSelect.field("c", alias)));
            }
        }
        return new FlowSelect("customers", "customer c LEFT JOIN entityaddress b ON b.nkey = c.defaultbillingaddress",
                columns, "lastmodifieddate", "id", List.of("c.isinactive = 'F'"));
    }

    private static Projection text(String alias, String expression) {
        return new Projection(alias, expression, ColumnType.STRING);
    }
}
