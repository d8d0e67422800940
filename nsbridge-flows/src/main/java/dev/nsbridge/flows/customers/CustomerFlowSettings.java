package dev.nsbridge.flows.customers;

import dev.nsbridge.flows.FlowKeys;
import dev.nsbridge.flows.contact.InvalidContactFields;
import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.config.ConfigKey;
import dev.nsbridge.spi.config.ConfigValues;
import dev.nsbridge.spi.config.Validators;
import java.util.Map;

/**
 * The customers flow's {@code settings:}, declared once and parsed into typed fields.
 *
 * @param listId             the Klaviyo list profiles are imported into and subscribed to
 * @param mapping            how a customer becomes a profile
 * @param profileIdField     the customer field Klaviyo's profile id is written back to
 * @param writeBackProfileId whether to write it back at all
 */
public record CustomerFlowSettings(String listId, ProfileSettings mapping, String profileIdField,
                                   boolean writeBackProfileId) {

    public static final ConfigKey<String> LIST_ID = ConfigKey.string("list_id",
            "The Klaviyo list id (e.g. Y6nRLr) profiles are added to; opted-in customers are subscribed to it,"
                    + " following its single or double opt-in setting.").required().validatedBy(Validators.nonBlank());
    public static final ConfigKey<Map<String, String>> FIELD_MAPPING = ConfigKey.map("field_mapping",
            "NetSuite customer column → Klaviyo profile property, for custom fields and overrides, e.g."
                    + " custentity_loyalty_tier: Loyalty Tier.").withDefault(Map.of());
    public static final ConfigKey<String> DEFAULT_REGION = ConfigKey.string("default_region",
            "Two-letter country used to read phones stored without a country code when the billing address has"
                    + " no country. A number without country code that is valid both in the billing country and"
                    + " here is left out as ambiguous rather than guessed.").withDefault("US").validatedBy(Validators.matches("[A-Z]{2}",
            "a two-letter country code such as US"));
    public static final ConfigKey<InvalidContactFields> INVALID_CONTACT_FIELDS = ConfigKey.enumeration(
            "invalid_contact_fields", InvalidContactFields.class, "What to do with an invalid email or phone when"
                    + " the customer has another usable one: drop sends the customer without it and keeps a warning"
                    + " (nsbridge errors --kind warning); refuse keeps the customer back as a record error. A"
                    + " customer with no usable email or phone is always a record error.")
            .withDefault(InvalidContactFields.DROP);
    public static final ConfigKey<Boolean> SUBSCRIBE_SMS = ConfigKey.bool("subscribe_sms",
            "Whether an opted-in customer with a valid phone is also subscribed to SMS marketing.").withDefault(false);
    public static final ConfigKey<String> PROFILE_ID_FIELD = ConfigKey.string("profile_id_field",
            "The customer field (script id) Klaviyo's profile id is written back to.")
            .withDefault("custentity_klaviyo_profile_id")
            .validatedBy(Validators.matches("[A-Za-z0-9_]{1,128}", "a field script id such as custentity_x"));
    public static final ConfigKey<Boolean> WRITE_BACK_PROFILE_ID = ConfigKey.bool("write_back_profile_id",
            "Whether to store Klaviyo's profile id on customers that have none yet.").withDefault(true);

    public static final ConfigDef DEF = ConfigDef.of(LIST_ID, FlowKeys.FILTER, FlowKeys.SUBSIDIARIES,
            FlowKeys.HISTORY_START, FIELD_MAPPING, DEFAULT_REGION, INVALID_CONTACT_FIELDS, SUBSCRIBE_SMS, PROFILE_ID_FIELD,
            WRITE_BACK_PROFILE_ID, FlowKeys.BATCH_SIZE);

    public static CustomerFlowSettings from(ConfigValues values) {
        return new CustomerFlowSettings(values.get(LIST_ID), new ProfileSettings(values.get(DEFAULT_REGION),
                values.get(FIELD_MAPPING), values.get(SUBSCRIBE_SMS), values.get(INVALID_CONTACT_FIELDS)), values.get(PROFILE_ID_FIELD),
                values.get(WRITE_BACK_PROFILE_ID));
    }
}
