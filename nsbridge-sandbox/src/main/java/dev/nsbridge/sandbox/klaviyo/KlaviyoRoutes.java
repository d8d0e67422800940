package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Which handler answers which operation of the spec; every key must be one of {@link KlaviyoContract#SERVED}. */
final class KlaviyoRoutes {
    private final Map<String, Function<ApiCall, ApiAnswer>> handlers = new LinkedHashMap<>();
    private final String accountId;
    private final String publicApiKey;

    KlaviyoRoutes(Profiles profiles, ProfileQuery profileQuery, Events events,
                  ListsAndConsent lists, Catalog catalog, String accountId, String publicApiKey) {
        this.accountId = accountId;
        this.publicApiKey = publicApiKey;
        handlers.put("GET /api/accounts", this::accounts);
        handlers.put("GET /api/profiles", profileQuery::page);
        handlers.put("POST /api/profile-import", profiles::importOne);
        handlers.put("POST /api/profile-bulk-import-jobs", profiles::importMany);
        handlers.put("GET /api/profile-bulk-import-jobs/{job_id}", profiles::job);
        handlers.put("GET /api/profile-bulk-import-jobs/{id}/import-errors", profiles::importErrors);
        handlers.put("POST /api/events", events::createOne);
        handlers.put("POST /api/event-bulk-create-jobs", events::createMany);
        handlers.put("GET /api/lists", lists::page);
        handlers.put("POST /api/lists", lists::create);
        handlers.put("POST /api/lists/{id}/relationships/profiles", lists::addProfiles);
        handlers.put("POST /api/profile-subscription-bulk-create-jobs", lists::subscribe);
        handlers.put("POST /api/catalog-item-bulk-create-jobs", catalog::createMany);
        handlers.put("GET /api/catalog-item-bulk-create-jobs/{job_id}", catalog::job);
        if (!handlers.keySet().equals(KlaviyoContract.SERVED)) {
            throw new IllegalStateException("routes and served operations differ");
        }
    }

    Map<String, Function<ApiCall, ApiAnswer>> handlers() {
        return handlers;
    }

    /** {@code GET /api/accounts}: the one account the key belongs to; how clients test a connection. */
    private ApiAnswer accounts(ApiCall call) {
        ObjectNode attributes = JsonApi.object();
        attributes.put("test_account", true);
        ObjectNode contact = attributes.putObject("contact_information");
        contact.put("default_sender_name", "nsbridge sandbox");
        contact.put("default_sender_email", "sandbox@example.com");
        contact.put("website_url", "https://example.com");
        contact.put("organization_name", "nsbridge sandbox");
        contact.putObject("street_address").put("address1", "1 Sandbox Way").put("address2", "")
                .put("city", "Boston").put("region", "MA").put("country", "US").put("zip", "02110");
        attributes.put("industry", "Retail");
        attributes.put("timezone", "UTC");
        attributes.put("preferred_currency", "USD");
        attributes.put("public_api_key", publicApiKey);
        attributes.put("locale", "en-US");
        ObjectNode account = JsonApi.resource("account", accountId, attributes,
                call.baseUrl() + "/api/accounts/" + accountId + "/");
        return ApiAnswer.of(200, JsonApi.document(JsonApi.array().add(account), call.selfUrl()));
    }
}
