package dev.nsbridge.flows.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class CustomerProfilesTest {
    private final CustomerProfiles profiles = new CustomerProfiles(
            new ProfileSettings("US", Map.of("custentity_loyalty_tier", "Loyalty Tier"), true));

    private static Map<String, Object> customer(String status) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", "42");
        row.put("email", " Zoe.Muller@Example.com ");
        row.put("phone", "(415) 555-2671");
        row.put("firstname", "Zoë");
        row.put("lastname", "Müller");
        row.put("companyname", "Müller GmbH");
        row.put("isperson", "T");
        row.put("globalsubscriptionstatus", status);
        row.put("bill_city", "Austin");
        row.put("bill_state", "TX");
        row.put("bill_country", "US");
        row.put("CUSTENTITY_LOYALTY_TIER", "Gold");
        return row;
    }

    @Test
    void shouldMapACustomerToAProfileWithLocationAndCustomProperties() {
        ProfileDecision.Send send = (ProfileDecision.Send) profiles.decide(customer("1"));

        assertThat(send.attributes()).containsEntry("email", "zoe.muller@example.com")
                .containsEntry("phone_number", "+14155552671").containsEntry("external_id", "42")
                .containsEntry("first_name", "Zoë").containsEntry("last_name", "Müller")
                .containsEntry("organization", "Müller GmbH")
                .containsEntry("location", Map.of("city", "Austin", "region", "TX", "country", "US"))
                .containsEntry("properties", Map.of("Loyalty Tier", "Gold"));
    }

    @ParameterizedTest
    @CsvSource({"1, true", "3, true", "2, false", "4, false"})
    void shouldSubscribeOnlyOptIns(String status, boolean subscribed) {
        ProfileDecision.Send send = (ProfileDecision.Send) profiles.decide(customer(status));

        assertThat(send.subscribeEmail()).isEqualTo(subscribed);
        assertThat(send.subscribeSms()).isEqualTo(subscribed);
        assertThat(send.optedOut()).isEqualTo(!subscribed);
    }

    @Test
    void shouldNeverSubscribeWithoutAKnownStatus() {
        Map<String, Object> row = customer("1");
        row.remove("globalsubscriptionstatus");

        assertThat(((ProfileDecision.Send) profiles.decide(row)).subscribeEmail()).isFalse();
    }

    @Test
    void shouldRefuseAnInvalidEmailAsARecordError() {
        Map<String, Object> row = customer("1");
        row.put("email", "bob@");

        assertThat(profiles.decide(row)).isInstanceOfSatisfying(ProfileDecision.Refuse.class,
                refuse -> assertThat(refuse.code()).isEqualTo("invalid_email"));
    }

    @Test
    void shouldRefuseAnInvalidPhoneAsARecordError() {
        Map<String, Object> row = customer("1");
        row.put("phone", "12");

        assertThat(profiles.decide(row)).isInstanceOfSatisfying(ProfileDecision.Refuse.class,
                refuse -> assertThat(refuse.code()).isEqualTo("invalid_phone"));
    }

    @Test
    void shouldSkipACustomerKlaviyoCannotIdentify() {
        Map<String, Object> row = customer("1");
        row.remove("email");
        row.remove("phone");

        assertThat(profiles.decide(row)).isInstanceOf(ProfileDecision.Skip.class);
    }

    @Test
    void shouldReadLocalPhonesInTheCustomersCountry() {
        Map<String, Object> row = customer("1");
        row.put("phone", "020 7946 0958");
        row.put("bill_country", "GB");

        assertThat(((ProfileDecision.Send) profiles.decide(row)).attributes()).containsEntry("phone_number", "+442079460958");
    }

    @Test
    void shouldSendCompanyCustomersWithoutPersonalNames() {
        Map<String, Object> row = customer("1");
        row.put("isperson", "F");

        assertThat(((ProfileDecision.Send) profiles.decide(row)).attributes()).doesNotContainKey("first_name")
                .containsEntry("organization", "Müller GmbH");
    }
}
