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

    /** The parts of the account that answer requests, each owning one family of operations. */
    record Parts(Profiles profiles, ProfileQuery profileQuery, ProfileImportJobs importJobs, Events events,
                 EventQuery eventQuery, ListsAndConsent lists, ListMembers listMembers, Suppressions suppressions,
                 Catalog catalog, CatalogVariants variants, CatalogJobs catalogJobs) {
    }

    KlaviyoRoutes(Parts parts, String accountId, String publicApiKey) {
        this.accountId = accountId;
        this.publicApiKey = publicApiKey;
        handlers.put("GET /api/accounts", this::accounts);
        handlers.put("GET /api/profiles", parts.profileQuery()::page);
        handlers.put("POST /api/profiles", parts.profiles()::create);
        handlers.put("GET /api/profiles/{id}", parts.profileQuery()::one);
        handlers.put("PATCH /api/profiles/{id}", parts.profiles()::update);
        handlers.put("POST /api/profile-import", parts.profiles()::importOne);
        handlers.put("POST /api/profile-bulk-import-jobs", parts.profiles()::importMany);
        handlers.put("GET /api/profile-bulk-import-jobs", parts.importJobs()::jobs);
        handlers.put("GET /api/profile-bulk-import-jobs/{job_id}", parts.importJobs()::job);
        handlers.put("GET /api/profile-bulk-import-jobs/{id}/import-errors", parts.importJobs()::importErrors);
        handlers.put("GET /api/profile-bulk-import-jobs/{id}/profiles", parts.importJobs()::profiles);
        handlers.put("GET /api/profile-bulk-import-jobs/{id}/relationships/profiles", parts.importJobs()::profileIds);
        handlers.put("GET /api/events", parts.eventQuery()::page);
        handlers.put("POST /api/events", parts.events()::createOne);
        handlers.put("POST /api/event-bulk-create-jobs", parts.events()::createMany);
        handlers.put("GET /api/lists", parts.lists()::page);
        handlers.put("POST /api/lists", parts.lists()::create);
        handlers.put("GET /api/lists/{id}/profiles", parts.listMembers()::profiles);
        handlers.put("GET /api/lists/{id}/relationships/profiles", parts.listMembers()::profileIds);
        handlers.put("POST /api/lists/{id}/relationships/profiles", parts.lists()::addProfiles);
        handlers.put("POST /api/profile-subscription-bulk-create-jobs", parts.lists()::subscribe);
        handlers.put("POST /api/profile-subscription-bulk-delete-jobs", parts.lists()::unsubscribe);
        handlers.put("POST /api/profile-suppression-bulk-create-jobs", parts.suppressions()::suppressMany);
        handlers.put("GET /api/profile-suppression-bulk-create-jobs/{job_id}", parts.suppressions()::suppressJob);
        handlers.put("POST /api/profile-suppression-bulk-delete-jobs", parts.suppressions()::unsuppressMany);
        handlers.put("GET /api/profile-suppression-bulk-delete-jobs/{job_id}", parts.suppressions()::unsuppressJob);
        handlers.put("POST /api/catalog-items", parts.catalog()::createOne);
        handlers.put("GET /api/catalog-items/{id}", parts.catalog()::one);
        handlers.put("PATCH /api/catalog-items/{id}", parts.catalog()::updateOne);
        handlers.put("POST /api/catalog-item-bulk-create-jobs", parts.catalogJobs()::createMany);
        handlers.put("GET /api/catalog-item-bulk-create-jobs/{job_id}", parts.catalogJobs()::createJob);
        handlers.put("POST /api/catalog-item-bulk-update-jobs", parts.catalogJobs()::updateMany);
        handlers.put("GET /api/catalog-item-bulk-update-jobs/{job_id}", parts.catalogJobs()::updateJob);
        handlers.put("GET /api/catalog-items", parts.catalog()::page);
        handlers.put("POST /api/catalog-item-bulk-delete-jobs", parts.catalogJobs()::deleteMany);
        handlers.put("GET /api/catalog-item-bulk-delete-jobs/{job_id}", parts.catalogJobs()::deleteJob);
        handlers.put("GET /api/catalog-variants", parts.variants()::page);
        handlers.put("POST /api/catalog-variant-bulk-create-jobs", parts.catalogJobs()::createVariants);
        handlers.put("GET /api/catalog-variant-bulk-create-jobs/{job_id}", parts.catalogJobs()::variantCreateJob);
        handlers.put("POST /api/catalog-variant-bulk-update-jobs", parts.catalogJobs()::updateVariants);
        handlers.put("GET /api/catalog-variant-bulk-update-jobs/{job_id}", parts.catalogJobs()::variantUpdateJob);
        handlers.put("POST /api/catalog-variant-bulk-delete-jobs", parts.catalogJobs()::deleteVariants);
        handlers.put("GET /api/catalog-variant-bulk-delete-jobs/{job_id}", parts.catalogJobs()::variantDeleteJob);
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
