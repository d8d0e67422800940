package dev.nsbridge.flows.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Optional;

/**
 * Phones in every format NetSuite holds ({@code (555) 123-4567}, {@code +44 20 7946 0958}, {@code 555.123.4567 ext. 12})
 * turned into E.164, which is the only form Klaviyo takes. A number without a country code is read in the
 * customer's country, else in the flow's default region.
 *
 * <p>Only numbers libphonenumber holds valid (an assigned area code, the right length) are sent: Klaviyo refuses a
 * number it cannot reach ("+2345678900 is not a valid phone number"), and a number read in the wrong country would
 * text a stranger. So {@code (439) 877-8061} is refused even in the US (439 is no assigned area code), and a
 * number without a country code that is valid both in the customer's country and in the default region, such as
 * {@code (415) 877-8061} for a customer in Germany, is refused as ambiguous rather than guessed.
 */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * A customer's phone: read in its billing country when it has one, else in the default region.
     *
     * @param country       the customer's ISO 3166 alpha-2 billing country, if known
     * @param defaultRegion the country for numbers of customers whose country is unknown
     */
    public static Optional<Checked<String>> forCustomer(String raw, Optional<String> country, String defaultRegion) {
        String region = country.orElse(defaultRegion);
        Optional<Checked<String>> read = toE164(raw, region);
        if (read.isEmpty() || !read.get().isOk() || raw.strip().startsWith("+") || region.equals(defaultRegion)) {
            return read;
        }
        Optional<String> elsewhere = toE164(raw, defaultRegion).flatMap(Checked::value);
        if (elsewhere.isPresent() && !elsewhere.equals(read.get().value())) {
            return Optional.of(Checked.refused("phone '" + raw.strip() + "' has no country code and is a valid"
                    + " number both in " + region + " (" + read.get().value().orElseThrow() + ") and in "
                    + defaultRegion + " (" + elsewhere.get() + "); store it with its country code"));
        }
        return read;
    }

    /**
     * @param raw    the phone as stored in NetSuite
     * @param region an ISO 3166 alpha-2 country for numbers written without a country code, e.g. {@code US}
     * @return empty when there is no phone; otherwise the E.164 number (extensions dropped) or why it is unusable
     */
    public static Optional<Checked<String>> toE164(String raw, String region) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw.strip(), region);
            if (!UTIL.isValidNumber(number)) {
                return Optional.of(Checked.refused("phone '" + raw.strip() + "' is not a valid number for "
                        + (raw.strip().startsWith("+") ? "its country code" : "region " + region)
                        + "; store it with its country code, e.g. +1 555 010 0199"));
            }
            return Optional.of(Checked.ok(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)));
        } catch (NumberParseException e) {
            return Optional.of(Checked.refused("phone '" + raw.strip() + "' cannot be read as a phone number"));
        }
    }
}
