package dev.nsbridge.app.demo;

import dev.nsbridge.flows.contact.Checked;
import dev.nsbridge.flows.contact.EmailAddresses;
import dev.nsbridge.flows.contact.PhoneNumbers;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the sandbox's active customers hold, read straight from its database, so the demo's customer numbers are
 * checked against the account rather than against constants.
 *
 * @param reachable   customers with a usable email or phone: those the customers flow must send
 * @param warned      of those, the ones whose other field is invalid: sent with a warning
 * @param unreachable customers with something written but neither usable: the only ones refused
 */
public record SandboxContacts(long reachable, long warned, long unreachable) {

    /** @param defaultRegion the flow's default_region, for customers without a billing country */
    public static SandboxContacts of(NetSuiteSandbox sandbox, String defaultRegion) throws Exception {
        List<Map<String, String>> rows = sandbox.account().query("SELECT c.email AS email, c.phone AS phone,"
                + " b.country AS country FROM customer c LEFT JOIN entityaddress b ON b.nkey = c.defaultbillingaddress"
                + " WHERE c.isinactive = 'F'", List.of(), 0, 1_000_000).items();
        long reachable = 0;
        long warned = 0;
        long unreachable = 0;
        for (Map<String, String> row : rows) {
            Optional<Checked<String>> email = EmailAddresses.check(value(row, "email"));
            Optional<String> country = Optional.ofNullable(value(row, "country")).filter(c -> c.matches("[A-Za-z]{2}"))
                    .map(c -> c.toUpperCase(Locale.ROOT));
            Optional<Checked<String>> phone = PhoneNumbers.forCustomer(value(row, "phone"), country, defaultRegion);
            boolean usable = email.map(Checked::isOk).orElse(false) || phone.map(Checked::isOk).orElse(false);
            boolean invalid = email.map(c -> !c.isOk()).orElse(false) || phone.map(c -> !c.isOk()).orElse(false);
            reachable += usable ? 1 : 0;
            warned += usable && invalid ? 1 : 0;
            unreachable += !usable && invalid ? 1 : 0;
        }
        return new SandboxContacts(reachable, warned, unreachable);
    }

    private static String value(Map<String, String> row, String column) {
        return row.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(column))
                .map(Map.Entry::getValue).filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
    }
}
