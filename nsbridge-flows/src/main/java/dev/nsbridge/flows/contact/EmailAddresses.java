package dev.nsbridge.flows.contact;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Emails as NetSuite users type them (trailing spaces, capitals, typos) made fit for Klaviyo, or refused with a
 * reason. Klaviyo matches emails case-insensitively, so nsbridge sends them lower case.
 */
public final class EmailAddresses {
    // Deliberately pragmatic: one @, no spaces, a dotted domain with a letter TLD. Klaviyo refuses what fails this.
    private static final Pattern VALID = Pattern.compile(
            "^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\\.[a-z]{2,63}$");

    private EmailAddresses() {
    }

    /** Empty when the customer has no email at all; otherwise the cleaned address or the reason it is unusable. */
    public static Optional<Checked<String>> check(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String cleaned = raw.strip().toLowerCase(Locale.ROOT);
        if (cleaned.length() > 254) {
            return Optional.of(Checked.refused("email is longer than 254 characters"));
        }
        if (!VALID.matcher(cleaned).matches() || cleaned.contains("..")) {
            return Optional.of(Checked.refused("email '" + raw.strip() + "' is not a valid address;"
                    + " correct it on the NetSuite record"));
        }
        return Optional.of(Checked.ok(cleaned));
    }
}
