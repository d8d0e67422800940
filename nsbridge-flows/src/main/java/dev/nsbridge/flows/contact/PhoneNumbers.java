package dev.nsbridge.flows.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Optional;

/**
 * Phones in every format NetSuite holds ({@code (555) 123-4567}, {@code +44 20 7946 0958}, {@code 555.123.4567 ext. 12})
 * turned into E.164, which is the only form Klaviyo takes. A number without a country code is read in the
 * customer's country, else in the flow's default region.
 */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
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
