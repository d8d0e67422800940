package dev.nsbridge.flows.customers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.flows.contact.InvalidContactFields;
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
    void shouldSendACustomerWithAUsablePhoneWithoutItsInvalidEmailAndNoEmailConsent() {
        Map<String, Object> row = customer("1");
        row.put("email", "bob@");

        assertThat(profiles.decide(row)).isInstanceOfSatisfying(ProfileDecision.Send.class, send -> {
            assertThat(send.attributes()).doesNotContainKey("email").containsEntry("phone_number", "+14155552671");
            assertThat(send.subscribeEmail()).isFalse();
            assertThat(send.subscribeSms()).isTrue();
            assertThat(send.dropped()).singleElement().satisfies(dropped -> {
                assertThat(dropped.code()).isEqualTo("invalid_email");
                assertThat(dropped.reason()).contains("bob@").contains("no email consent");
            });
        });
    }

    @Test
    void shouldSendACustomerWithAUsableEmailWithoutItsInvalidPhoneAndNoSmsConsent() {
        Map<String, Object> row = customer("1");
        row.put("phone", "call me");

        assertThat(profiles.decide(row)).isInstanceOfSatisfying(ProfileDecision.Send.class, send -> {
            assertThat(send.attributes()).doesNotContainKey("phone_number")
                    .containsEntry("email", "zoe.muller@example.com");
            assertThat(send.subscribeEmail()).isTrue();
            assertThat(send.subscribeSms()).isFalse();
            assertThat(send.dropped()).singleElement().satisfies(dropped -> {
                assertThat(dropped.code()).isEqualTo("invalid_phone");
                assertThat(dropped.reason()).contains("call me").contains("no SMS consent");
            });
        });
    }

    @Test
    void shouldSendAValidCustomerWhole() {
        assertThat(((ProfileDecision.Send) profiles.decide(customer("1"))).dropped()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"2", "4"})
    void shouldNeverSubscribeAnOptedOutCustomerSentWithoutAnInvalidField(String status) {
        Map<String, Object> row = customer(status);
        row.put("phone", "call me");

        ProfileDecision.Send send = (ProfileDecision.Send) profiles.decide(row);

        assertThat(send.subscribeEmail()).isFalse();
        assertThat(send.subscribeSms()).isFalse();
        assertThat(send.optedOut()).isTrue();
    }

    @Test
    void shouldRefuseACustomerWithNoUsableEmailOrPhoneAsARecordError() {
        Map<String, Object> row = customer("1");
        row.put("email", "bob@");
        row.put("phone", "call me");

        assertThat(profiles.decide(row)).isInstanceOfSatisfying(ProfileDecision.Refuse.class, refuse -> {
            assertThat(refuse.code()).isEqualTo("invalid_email");
            assertThat(refuse.reason()).contains("bob@").contains("call me").contains("no usable email or phone");
        });
    }

    @Test
    void shouldRefuseAnInvalidPhoneWhenTheCustomerHasNoEmail() {
        Map<String, Object> row = customer("1");
        row.remove("email");
        row.put("phone", "12");

        assertThat(profiles.decide(row)).isInstanceOfSatisfying(ProfileDecision.Refuse.class,
                refuse -> assertThat(refuse.code()).isEqualTo("invalid_phone"));
    }

    @Test
    void shouldRefuseAnyInvalidFieldWhenTheFlowIsSetToRefuse() {
        CustomerProfiles refusing = new CustomerProfiles(new ProfileSettings("US", Map.of(), true,
                InvalidContactFields.REFUSE));
        Map<String, Object> badPhone = customer("1");
        badPhone.put("phone", "call me");
        Map<String, Object> badEmail = customer("1");
        badEmail.put("email", "bob@");

        assertThat(refusing.decide(badPhone)).isInstanceOfSatisfying(ProfileDecision.Refuse.class,
                refuse -> assertThat(refuse.code()).isEqualTo("invalid_phone"));
        assertThat(refusing.decide(badEmail)).isInstanceOfSatisfying(ProfileDecision.Refuse.class,
                refuse -> assertThat(refuse.code()).isEqualTo("invalid_email"));
    }

    @Test
    void shouldLeaveOutAPhoneWithoutCountryCodeThatIsValidBothInTheCustomersCountryAndTheDefaultRegion() {
        Map<String, Object> row = customer("1");
        row.put("phone", "(415) 877-8061");
        row.put("bill_country", "DE");

        ProfileDecision.Send send = (ProfileDecision.Send) profiles.decide(row);

        assertThat(send.attributes()).doesNotContainKey("phone_number");
        assertThat(send.dropped()).singleElement()
                .satisfies(dropped -> assertThat(dropped.reason()).contains("DE").contains("US"));
    }

    @Test
    void shouldReadANumberWithoutCountryCodeInTheDefaultRegionWhenTheCustomerHasNoCountry() {
        Map<String, Object> row = customer("1");
        row.remove("bill_country");
        row.put("phone", "(415) 877-8061");

        assertThat(((ProfileDecision.Send) profiles.decide(row)).attributes())
                .containsEntry("phone_number", "+14158778061");
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
