package dev.nsbridge.flows.customers;

import dev.nsbridge.flows.contact.Checked;
import dev.nsbridge.flows.contact.EmailAddresses;
import dev.nsbridge.flows.contact.PhoneNumbers;
import dev.nsbridge.flows.contact.SubscriptionStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, for one NetSuite customer row, the Klaviyo profile to send and whether consent goes with it.
 *
 * <p>The row uses the customer flow's query aliases: {@code id}, {@code email}, {@code phone}, {@code firstname},
 * {@code lastname}, {@code companyname}, {@code isperson}, {@code globalsubscriptionstatus}, and the default billing
 * address as {@code bill_address1}, {@code bill_address2}, {@code bill_city}, {@code bill_state}, {@code bill_zip},
 * {@code bill_country}. An invalid email or phone refuses the record (it is not sent half-right); an opt-out is never
 * subscribed.
 */
public final class CustomerProfiles {
    private final ProfileSettings settings;

    public CustomerProfiles(ProfileSettings settings) {
        this.settings = settings;
    }

    public ProfileDecision decide(Map<String, Object> row) {
        String id = text(row, "id").orElseThrow(() -> new IllegalArgumentException("a customer row needs its id"));
        Optional<Checked<String>> email = EmailAddresses.check(text(row, "email").orElse(null));
        String region = text(row, "bill_country").filter(c -> c.matches("[A-Za-z]{2}"))
                .map(c -> c.toUpperCase(java.util.Locale.ROOT)).orElse(settings.defaultRegion());
        Optional<Checked<String>> phone = PhoneNumbers.toE164(text(row, "phone").orElse(null), region);
        if (email.isPresent() && !email.get().isOk()) {
            return new ProfileDecision.Refuse(id, "invalid_email", email.get().problem().orElseThrow());
        }
        if (phone.isPresent() && !phone.get().isOk()) {
            return new ProfileDecision.Refuse(id, "invalid_phone", phone.get().problem().orElseThrow());
        }
        if (email.isEmpty() && phone.isEmpty()) {
            return new ProfileDecision.Skip(id, "customer has neither email nor phone");
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        email.flatMap(Checked::value).ifPresent(value -> attributes.put("email", value));
        phone.flatMap(Checked::value).ifPresent(value -> attributes.put("phone_number", value));
        attributes.put("external_id", id);
        boolean person = text(row, "isperson").map(v -> v.equals("T") || v.equals("true")).orElse(true);
        if (person) {
            text(row, "firstname").ifPresent(value -> attributes.put("first_name", value));
            text(row, "lastname").ifPresent(value -> attributes.put("last_name", value));
        }
        text(row, "companyname").ifPresent(value -> attributes.put("organization", value));
        Map<String, Object> location = location(row, region);
        if (!location.isEmpty()) {
            attributes.put("location", location);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        settings.propertyMapping().forEach((column, property) -> {
            Object value = lookup(row, column);
            if (value != null) {
                properties.put(property, value instanceof Number || value instanceof Boolean ? value : value.toString());
            }
        });
        if (!properties.isEmpty()) {
            attributes.put("properties", properties);
        }
        Optional<SubscriptionStatus> status = SubscriptionStatus.fromId(lookup(row, "globalsubscriptionstatus"));
        boolean mayEmail = status.map(SubscriptionStatus::maySubscribe).orElse(false) && attributes.containsKey("email");
        boolean maySms = settings.subscribeSms() && status.map(SubscriptionStatus::maySubscribe).orElse(false)
                && attributes.containsKey("phone_number");
        return new ProfileDecision.Send(id, attributes, mayEmail, maySms,
                status.map(SubscriptionStatus::isOptOut).orElse(false));
    }

    private static Map<String, Object> location(Map<String, Object> row, String region) {
        Map<String, Object> location = new LinkedHashMap<>();
        text(row, "bill_address1").ifPresent(v -> location.put("address1", v));
        text(row, "bill_address2").ifPresent(v -> location.put("address2", v));
        text(row, "bill_city").ifPresent(v -> location.put("city", v));
        text(row, "bill_state").ifPresent(v -> location.put("region", v));
        text(row, "bill_zip").ifPresent(v -> location.put("zip", v));
        if (!location.isEmpty() || text(row, "bill_country").isPresent()) {
            text(row, "bill_country").or(() -> Optional.of(region)).ifPresent(v -> location.put("country", v));
        }
        return location;
    }

    private static Object lookup(Map<String, Object> row, String column) {
        Object value = row.get(column);
        if (value == null) {
            for (Map.Entry<String, Object> entry : row.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(column)) {
                    return entry.getValue();
                }
            }
        }
        return value;
    }

    private static Optional<String> text(Map<String, Object> row, String column) {
        Object value = lookup(row, column);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().strip());
    }
}
