package dev.nsbridge.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.klaviyo.catalog.CatalogItem;
import dev.nsbridge.klaviyo.catalog.CatalogVariant;
import dev.nsbridge.klaviyo.events.Event;
import dev.nsbridge.klaviyo.limits.Operation;
import dev.nsbridge.klaviyo.lists.Subscription;
import dev.nsbridge.klaviyo.profiles.Location;
import dev.nsbridge.klaviyo.profiles.Profile;
import dev.nsbridge.klaviyo.profiles.ProfileFilter;
import dev.nsbridge.klaviyo.profiles.ProfileQuery;
import dev.nsbridge.klaviyo.profiles.ProfileSort;
import dev.nsbridge.spi.secret.Secret;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every request the client can send, with every option it offers, checked against Klaviyo's own OpenAPI spec. */
final class KlaviyoContractTest {

    @Test
    void shouldValidateEveryRequestAgainstTheSpec() throws Exception {
        FakeTime time = new FakeTime();
        try (FakeKlaviyo klaviyo = new FakeKlaviyo()) {
            KlaviyoClient client = new KlaviyoClient(HttpClient.newHttpClient(),
                    KlaviyoSettings.of(Secret.of("pk_contract_test_key")).withBaseUri(klaviyo.baseUri()), time.timing());

            sendEveryOperation(client, time);

            List<FakeKlaviyo.Captured> requests = klaviyo.captured();
            assertThat(requests).hasSizeGreaterThanOrEqualTo(Operation.values().length);
            for (FakeKlaviyo.Captured request : requests) {
                assertThat(KlaviyoSpec.problems(request))
                        .as("%s %s?%s\n%s", request.method(), request.path(), request.rawQuery(), request.body())
                        .isEmpty();
                assertThat(request.header("revision")).isEqualTo("2026-07-15");
                assertThat(request.header("accept")).isEqualTo("application/vnd.api+json");
                assertThat(request.header("authorization")).isEqualTo("Klaviyo-API-Key pk_contract_test_key");
                if (request.method().equals("POST")) {
                    assertThat(request.header("content-type")).isEqualTo("application/vnd.api+json");
                }
            }
            assertThat(operationsSent(requests)).isEqualTo(EnumSet.allOf(Operation.class));
        }
    }

    @Test
    void shouldRejectRequestsTheSpecDoesNotAllowSoTheContractTestCanFail() {
        Map<String, List<String>> headers = Map.of("authorization", List.of("Klaviyo-API-Key pk_x"),
                "revision", List.of("2026-07-15"), "accept", List.of("application/vnd.api+json"),
                "content-type", List.of("application/vnd.api+json"));
        String misspelt = """
                {"data":{"type":"profile","attributes":{"email":"a@example.com","firstname":"A"}}}""";
        String wrongType = """
                {"data":{"type":"event","attributes":{"email":"a@example.com"}}}""";
        assertThat(KlaviyoSpec.problems(new FakeKlaviyo.Captured("POST", "/api/profile-import", null, headers,
                misspelt))).contains("firstname");
        assertThat(KlaviyoSpec.problems(new FakeKlaviyo.Captured("POST", "/api/profile-import", null, headers,
                wrongType))).isNotEmpty();
        assertThat(KlaviyoSpec.problems(new FakeKlaviyo.Captured("GET", "/api/profiles", "page%5Bsize%5D=101",
                headers, ""))).isNotEmpty();
        assertThat(KlaviyoSpec.problems(new FakeKlaviyo.Captured("GET", "/api/lists", null,
                Map.of("authorization", List.of("Klaviyo-API-Key pk_x")), ""))).contains("revision");
    }

    private static void sendEveryOperation(KlaviyoClient client, FakeTime time) {
        Instant earlier = Instant.parse("2024-03-01T12:00:00Z");
        Profile full = new Profile(null, "sarah@example.com", "+15005550006", "NS-42", "Sarah", "Mason",
                "Example Corp", "Buyer", "en-US",
                new Location("1 Main St", "Suite 2", "Boston", "MA", "02110", "US", 42.36, -71.06, "America/New_York"),
                Map.of("netsuite_id", "42", "vip", true, "lifetime_orders", 7, "tags", List.of("a", "b")));
        client.testConnection();
        client.profiles().upsert(full);
        client.profiles().upsert(Profile.ofEmail("bob@example.com").withId("01EXISTING"));

        var jobs = client.profileImports().submit(List.of(full, Profile.ofEmail("bob@example.com")), List.of("LIST1"));
        client.profileImports().submit(List.of(Profile.ofEmail("eve@example.com")), List.of());
        client.profileImports().await(jobs.get(0).id());
        client.profileImports().errors(jobs.get(0).id()).toList();

        Event placed = new Event("Placed Order", full, Map.of("OrderId", "SO-1", "ItemNames", List.of("Shirt"),
                "Items", List.of(Map.of("SKU", "S-1", "Quantity", 2, "ItemPrice", 9.99))), earlier,
                new BigDecimal("19.98"), "USD", "SO-1", true);
        Event minimal = new Event("Viewed Page", Profile.ofEmail("bob@example.com"), Map.of(), null, null, null, null,
                false);
        client.events().create(placed);
        client.events().create(minimal);
        client.events().createAll(List.of(placed, minimal));

        client.lists().lists().toList();
        client.lists().addProfiles("LIST1", List.of("01A", "01B"));
        client.subscriptions().subscribe("LIST1", List.of(
                Subscription.email("sarah@example.com", earlier),
                new Subscription("bob@example.com", "+15005550007", true, true, earlier),
                new Subscription(null, "+15005550008", false, true, earlier)), true);
        client.subscriptions().subscribe(null, List.of(Subscription.email("eve@example.com", null)), false);

        var catalogJobs = client.catalog().submit(List.of(
                new CatalogItem("SKU-1", "Blue shirt", "Ocean blue cotton shirt", "https://shop.example.com/sku-1",
                        new BigDecimal("29.90"), "https://shop.example.com/sku-1.jpg", Map.of("color", "blue"), true),
                new CatalogItem("SKU-2", "Red shirt", "Red", "https://shop.example.com/sku-2", null, null, null, null)));
        client.catalog().await(catalogJobs.get(0).id());
        CatalogItem changed = new CatalogItem("SKU-1", "Blue shirt", "Now in linen", "https://shop.example.com/sku-1",
                new BigDecimal("31.90"), null, Map.of(), false);
        client.catalog().await(client.catalog().update(List.of(changed)).get(0));
        client.catalog().await(client.catalog().delete(List.of(changed.klaviyoId())).get(0));
        CatalogVariant variant = new CatalogVariant("SKU-1-M", "SKU-1", "SKU-1-M", "Blue shirt - M", "Size M",
                "https://shop.example.com/sku-1", new BigDecimal("29.90"), new BigDecimal("12"), null, true);
        client.catalog().await(client.catalog().submitVariants(List.of(variant)).get(0));
        client.catalog().await(client.catalog().updateVariants(List.of(variant)).get(0));
        client.catalog().await(client.catalog().deleteVariants(List.of(variant.klaviyoId())).get(0));
        client.catalog().existingItems(List.of("$custom:::$default:::SKU-1", "$custom:::$default:::O\"Brien"));
        client.catalog().existingVariants(List.of(variant.klaviyoId()));

        client.profiles().profiles(ProfileQuery.suppressedAfter(Instant.parse("2024-01-01T00:00:00Z"))).toList();
        client.profiles().profiles(new ProfileQuery(ProfileFilter.allOf(
                ProfileFilter.equalTo(ProfileFilter.TextField.EMAIL, "o'brien+tag@example.com"),
                ProfileFilter.greaterThan(ProfileFilter.TimeField.UPDATED, earlier)),
                ProfileSort.UPDATED_DESC, 20, false)).toList();
        client.profiles().profiles(new ProfileQuery(ProfileFilter.anyOf(ProfileFilter.TextField.EXTERNAL_ID,
                List.of("1", "2")), null, ProfileQuery.MAX_PAGE_SIZE, true)).toList();
        time.advance(java.time.Duration.ofMinutes(1));
    }

    private static Set<Operation> operationsSent(List<FakeKlaviyo.Captured> requests) {
        return requests.stream().map(request -> EnumSet.allOf(Operation.class).stream()
                        .filter(operation -> operation.method().equals(request.method())
                                && request.path().matches(operation.pathTemplate().replaceAll("\\{[^}]+}", "[^/]+")))
                        .findFirst().orElseThrow(() -> new AssertionError("no operation for " + request.path())))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Operation.class)));
    }
}
