package dev.nsbridge.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nsbridge.klaviyo.catalog.KlaviyoCatalog;
import dev.nsbridge.klaviyo.events.KlaviyoEvents;
import dev.nsbridge.klaviyo.http.JsonApi;
import dev.nsbridge.klaviyo.http.KlaviyoHttp;
import dev.nsbridge.klaviyo.http.QueryString;
import dev.nsbridge.klaviyo.http.Timing;
import dev.nsbridge.klaviyo.jobs.JobPoller;
import dev.nsbridge.klaviyo.limits.Operation;
import dev.nsbridge.klaviyo.limits.RateLimits;
import dev.nsbridge.klaviyo.lists.KlaviyoLists;
import dev.nsbridge.klaviyo.lists.KlaviyoSubscriptions;
import dev.nsbridge.klaviyo.profiles.KlaviyoProfiles;
import dev.nsbridge.klaviyo.profiles.ProfileImports;
import dev.nsbridge.spi.errors.InternalException;
import java.net.http.HttpClient;

/**
 * Klaviyo's API as nsbridge uses it, one entry per concern. Thread-safe; one per Klaviyo account, so its rate
 * limiters see every request the account's quota counts.
 *
 * <pre>{@code
 * KlaviyoClient klaviyo = new KlaviyoClient(HttpClient.newHttpClient(), KlaviyoSettings.of(apiKey), Timing.system());
 * Account account = klaviyo.testConnection();
 * klaviyo.profiles().upsert(Profile.ofEmail("sarah@example.com"));
 * }</pre>
 */
public final class KlaviyoClient {
    private final KlaviyoHttp http;
    private final KlaviyoProfiles profiles;
    private final ProfileImports profileImports;
    private final KlaviyoEvents events;
    private final KlaviyoLists lists;
    private final KlaviyoSubscriptions subscriptions;
    private final KlaviyoCatalog catalog;

    public KlaviyoClient(HttpClient httpClient, KlaviyoSettings settings, Timing timing) {
        this.http = new KlaviyoHttp(httpClient, settings.connection(), settings.retry(), timing,
                new RateLimits(settings.rateShares()));
        JobPoller poller = new JobPoller(settings.polling(), timing);
        this.profiles = new KlaviyoProfiles(http);
        this.profileImports = new ProfileImports(http, poller);
        this.events = new KlaviyoEvents(http);
        this.lists = new KlaviyoLists(http);
        this.subscriptions = new KlaviyoSubscriptions(http, timing.clock());
        this.catalog = new KlaviyoCatalog(http, poller);
    }

    /**
     * {@code GET /api/accounts}: proves the key and revision work. A refused key is an {@code AuthenticationException}
     * naming the scopes to grant; a 410 means someone pointed nsbridge at the retired v1/v2 API.
     */
    public Account testConnection() {
        JsonNode data = http.get(Operation.GET_ACCOUNTS, Operation.GET_ACCOUNTS.pathTemplate(), QueryString.empty())
                .data().path(0);
        if (data.isMissingNode()) {
            throw new InternalException("KLAVIYO_NO_ACCOUNT", "GET /api/accounts answered without an account",
                    "Check the base URL points at Klaviyo or the nsbridge sandbox.");
        }
        JsonNode attributes = data.path("attributes");
        return new Account(data.path("id").asText(),
                JsonApi.textOrNull(attributes.path("contact_information").path("organization_name")),
                JsonApi.textOrNull(attributes.path("timezone")), JsonApi.textOrNull(attributes.path("preferred_currency")),
                attributes.path("test_account").asBoolean(false));
    }

    public KlaviyoProfiles profiles() {
        return profiles;
    }

    public ProfileImports profileImports() {
        return profileImports;
    }

    public KlaviyoEvents events() {
        return events;
    }

    public KlaviyoLists lists() {
        return lists;
    }

    public KlaviyoSubscriptions subscriptions() {
        return subscriptions;
    }

    public KlaviyoCatalog catalog() {
        return catalog;
    }
}
