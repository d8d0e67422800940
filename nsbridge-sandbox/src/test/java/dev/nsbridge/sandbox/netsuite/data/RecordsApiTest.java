package dev.nsbridge.sandbox.netsuite.data;

import static dev.nsbridge.sandbox.netsuite.data.Accounts.one;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.sandbox.MovableClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class RecordsApiTest {
    private static final MovableClock CLOCK = Accounts.clock();
    private static NetSuiteAccount account;
    private static long customer;

    @BeforeAll
    static void generate() throws SuiteQlException {
        account = Accounts.small(CLOCK);
        customer = Long.parseLong(one(account, "SELECT MIN(id) FROM customer"));
        account.executeAdmin("UPDATE customer SET datecreated = TIMESTAMP '2024-03-05 07:08:09', "
                + "globalsubscriptionstatus = 2, custentity_loyalty_tier = 3 WHERE id = " + customer);
    }

    @AfterAll
    static void close() {
        account.close();
    }

    @Test
    void shouldShowACustomerAsTheRecordsApiDoes() {
        Map<String, Object> record = account.getRecord("customer", customer).orElseThrow();
        assertThat(record).containsEntry("id", String.valueOf(customer))
                .containsEntry("dateCreated", "2024-03-05T15:08:09Z")
                .containsEntry("globalSubscriptionStatus", Map.of("id", "2", "refName", "Soft Opt-Out"))
                .containsEntry("custentity_loyalty_tier", Map.of("id", "3", "refName", "Gold"))
                .containsKeys("entityId", "subsidiary", "isPerson", "custentity_vip");
        assertThat(record.get("isPerson")).isInstanceOf(Boolean.class);
    }

    @Test
    void shouldAnswerNothingForAMissingRecordOrType() {
        assertThat(account.getRecord("customer", 999_999_999)).isEmpty();
        assertThat(account.getRecord("spaceship", customer)).isEmpty();
    }

    @Test
    void shouldStampAnUpdateWithTheClock() throws SuiteQlException {
        CLOCK.advance(Duration.ofHours(3));
        assertThat(account.updateRecord("customer", customer, Map.of("custentity_klaviyo_profile_id",
                "01HZZZZZZZZZZZZZZZZZZZZZZZ"))).isTrue();
        Map<String, Object> record = account.getRecord("customer", customer).orElseThrow();
        assertThat(record).containsEntry("custentity_klaviyo_profile_id", "01HZZZZZZZZZZZZZZZZZZZZZZZ")
                .containsEntry("lastModifiedDate", Accounts.NOW.plus(Duration.ofHours(3)).toString());
        assertThat(account.updateRecord("customer", 999_999_999, Map.of("phone", "1"))).isFalse();
    }

    @Test
    void shouldCreateAContactThatSuiteQlThenSees() throws SuiteQlException {
        long id = account.createRecord("contact", Map.of("firstName", "Zoë", "lastName", "Müller",
                "email", "zoe@example.com", "company", Map.of("id", String.valueOf(customer)),
                "globalSubscriptionStatus", Map.of("id", "3")));
        assertThat(one(account, "SELECT altname FROM contact WHERE id = ?", String.valueOf(id))).isEqualTo("Zoë Müller");
        assertThat(account.getRecord("contact", id).orElseThrow())
                .containsEntry("globalSubscriptionStatus", Map.of("id", "3", "refName", "Confirmed Opt-In"));
    }

    @Test
    void shouldRefuseUnknownFieldsAndBadValues() {
        assertThatThrownBy(() -> account.updateRecord("customer", customer, Map.of("shoeSize", "44")))
                .isInstanceOfSatisfying(SuiteQlException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("INVALID_PARAMETER"))
                .hasMessageContaining("shoeSize");
        assertThatThrownBy(() -> account.updateRecord("customer", customer, Map.of("isInactive", "maybe")))
                .isInstanceOf(SuiteQlException.class).hasMessageContaining("Invalid Field Value maybe");
        assertThatThrownBy(() -> account.updateRecord("customer", customer, Map.of("email", "not-an-email")))
                .isInstanceOf(SuiteQlException.class).hasMessageContaining("valid email");
        assertThatThrownBy(() -> account.updateRecord("customer", customer,
                Map.of("subsidiary", Map.of("id", "99"))))
                .isInstanceOfSatisfying(SuiteQlException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("INVALID_KEY_OR_REF"));
        assertThatThrownBy(() -> account.updateRecord("customer", customer, Map.of("dateCreated", "2020-01-01T00:00:00Z")))
                .isInstanceOf(SuiteQlException.class).hasMessageContaining("read-only");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDescribeCustomFieldsInTheSchema() {
        Map<String, Object> customer = (Map<String, Object>) account.recordSchema("customer").orElseThrow()
                .get("properties");
        assertThat((Map<String, Object>) customer.get("custentity_birthday")).containsEntry("format", "date")
                .containsEntry("x-ns-custom-field", true);
        assertThat((Map<String, Object>) customer.get("custentity_last_synced")).containsEntry("format", "date-time");
        assertThat((Map<String, Object>) customer.get("custentity_klaviyo_profile_id")).containsEntry("type", "string");
        Map<String, Object> order = (Map<String, Object>) account.recordSchema("salesorder").orElseThrow()
                .get("properties");
        assertThat(order).containsKeys("custbody_sales_channel", "custbody_requested_delivery", "item");
        assertThat(order.get("item").toString()).contains("custcol_gift_wrap");
        assertThat((Map<String, Object>) account.recordSchema("inventoryitem").orElseThrow().get("properties"))
                .containsKeys("custitem_brand", "custitem_launch_date");
        assertThat(account.recordSchema("spaceship")).isEmpty();
    }
}
