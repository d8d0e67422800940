package dev.nsbridge.flows.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ContactCheckTest {

    @Test
    void shouldCleanEmailsAsUsersTypeThem() {
        assertThat(EmailAddresses.check("  Bob.Smith@Example.COM ")).hasValue(Checked.ok("bob.smith@example.com"));
        assertThat(EmailAddresses.check("zoë+news@example.de")).get().extracting(Checked::isOk).isEqualTo(false);
    }

    @Test
    void shouldRefuseMalformedEmailsWithAReason() {
        for (String bad : new String[] {"bob@", "a b@x.com", "no-at-sign.com", "x@y", "dots..here@example.com"}) {
            assertThat(EmailAddresses.check(bad)).as(bad).get()
                    .satisfies(checked -> assertThat(checked.problem()).get().asString().contains("not a valid address"));
        }
    }

    @Test
    void shouldTreatAMissingEmailAsAbsentNotInvalid() {
        assertThat(EmailAddresses.check(null)).isEmpty();
        assertThat(EmailAddresses.check("   ")).isEmpty();
    }

    @Test
    void shouldWritePhonesInEveryFormatAsE164() {
        assertThat(PhoneNumbers.toE164("(415) 555-2671", "US")).hasValue(Checked.ok("+14155552671"));
        assertThat(PhoneNumbers.toE164("415.555.2671 ext. 12", "US")).hasValue(Checked.ok("+14155552671"));
        assertThat(PhoneNumbers.toE164("+44 20 7946 0958", "US")).hasValue(Checked.ok("+442079460958"));
        assertThat(PhoneNumbers.toE164("020 7946 0958", "GB")).hasValue(Checked.ok("+442079460958"));
    }

    @Test
    void shouldRefuseNumbersThatAreNotPhones() {
        assertThat(PhoneNumbers.toE164("12", "US")).get().extracting(Checked::isOk).isEqualTo(false);
        assertThat(PhoneNumbers.toE164("call me", "US")).get()
                .satisfies(c -> assertThat(c.problem()).get().asString().contains("cannot be read"));
        assertThat(PhoneNumbers.toE164("", "US")).isEmpty();
        // 439 is no assigned area code: Klaviyo refuses such a number, and nobody can be reached on it.
        assertThat(PhoneNumbers.toE164("(439) 877-8061", "US")).get().extracting(Checked::isOk).isEqualTo(false);
    }

    @Test
    void shouldReadANationalNumberInTheCustomersCountryUnlessTheDefaultRegionReadsItToo() {
        assertThat(PhoneNumbers.forCustomer("020 7946 0958", Optional.of("GB"), "US"))
                .hasValue(Checked.ok("+442079460958"));
        assertThat(PhoneNumbers.forCustomer("+1 415 877 8061", Optional.of("DE"), "US"))
                .hasValue(Checked.ok("+14158778061"));
        assertThat(PhoneNumbers.forCustomer("(415) 877-8061", Optional.of("DE"), "US")).get()
                .satisfies(c -> assertThat(c.problem()).get().asString().contains("country code"));
    }

    @Test
    void shouldLetOnlyOptInsBeSubscribed() {
        assertThat(Arrays.stream(SubscriptionStatus.values()).filter(SubscriptionStatus::maySubscribe))
                .containsExactly(SubscriptionStatus.SOFT_OPT_IN, SubscriptionStatus.CONFIRMED_OPT_IN);
        assertThat(SubscriptionStatus.fromId("4")).hasValue(SubscriptionStatus.CONFIRMED_OPT_OUT);
        assertThat(SubscriptionStatus.fromId(null)).isEmpty();
        assertThat(SubscriptionStatus.fromId("9")).isEmpty();
    }
}
