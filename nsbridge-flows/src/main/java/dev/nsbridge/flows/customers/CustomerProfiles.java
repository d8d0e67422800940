package dev.nsbridge.flows.customers;

import dev.nsbridge.flows.contact.Checked;
import dev.nsbridge.flows.contact.EmailAddresses;
import dev.nsbridge.flows.contact.PhoneNumbers;
import dev.nsbridge.flows.contact.SubscriptionStatus;
import dev.nsbridge.flows.contact.InvalidContactFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Decides, for one NetSuite customer row, the Klaviyo profile to send and whether consent goes with it.
 *
 * <p>The row uses the customer flow's query aliases: {@code id}, {@code email}, {@code phone}, {@code firstname},
 * {@code lastname}, {@code companyname}, {@code isperson}, {@code globalsubscriptionstatus}, and the default billing
 * address as {@code bill_address1}, {@code bill_address2}, {@code bill_city}, {@code bill_state}, {@code bill_zip},
 * {@code bill_country}. An invalid email or phone is left out of the profile, with a warning, when the other is
 * usable (or refuses the record, as the flow's {@code invalid_contact_fields} says); a customer with neither usable is
 * refused. Consent follows what is sent: no email consent without an email, no SMS consent without a phone, and an
 * opt-out is never subscribed.
 *
 * <p>A phone written without a country code is read in the customer's billing country, else in the flow's
 * {@code default_region}; one that is not a valid number there is left out rather than guessed into another
 * country, since a wrong country code would text a stranger.
 */
public final class CustomerProfiles {
    private final ProfileSettings settings;

    public CustomerProfiles(ProfileSettings settings) {
        this.settings = settings;
    }

    public ProfileDecision decide(Map<String, Object> row) {
        String id = text(row, "id").orElseThrow(() -> new IllegalArgumentException("a customer row needs its id"));
        Optional<Checked<String>> email = EmailAddresses.check(text(row, "email").orElse(null));
        Optional<String> country = text(row, "bill_country").filter(c -> c.matches("[A-Za-z]{2}"))
                .map(c -> c.toUpperCase(java.util.Locale.ROOT));
        String region = country.orElse(settings.defaultRegion());
        Optional<Checked<String>> phone = PhoneNumbers.forCustomer(text(row, "phone").orElse(null), country,
                settings.defaultRegion());
        boolean usable = email.map(Checked::isOk).orElse(false) || phone.map(Checked::isOk).orElse(false);
        List<ProfileDecision.Dropped> dropped = new ArrayList<>();
        email.flatMap(Checked::problem).ifPresent(problem -> dropped.add(new ProfileDecision.Dropped("invalid_email",
                problem + "; the customer went to Klaviyo without it, so with no email consent")));
        phone.flatMap(Checked::problem).ifPresent(problem -> dropped.add(new ProfileDecision.Dropped("invalid_phone",
                problem + "; the customer went to Klaviyo without it, so with no SMS consent")));
        if (!usable && dropped.isEmpty()) {
            return new ProfileDecision.Skip(id, "customer has neither email nor phone");
        }
        if (!usable || !dropped.isEmpty() && settings.invalidContactFields() == InvalidContactFields.REFUSE) {
            // The first problem names the record error; every problem is in its reason.
            String reasons = String.join("; ", Stream.concat(email.flatMap(Checked::problem).stream(),
                    phone.flatMap(Checked::problem).stream()).toList());
            return new ProfileDecision.Refuse(id, dropped.get(0).code(), reasons
                    + (usable ? "" : " (the customer has no usable email or phone, so nothing can identify it in"
                    + " Klaviyo)"));
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
                status.map(SubscriptionStatus::isOptOut).orElse(false), dropped);
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
