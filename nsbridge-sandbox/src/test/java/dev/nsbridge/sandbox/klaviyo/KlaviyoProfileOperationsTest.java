package dev.nsbridge.sandbox.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /api/profiles}, {@code GET} and {@code PATCH /api/profiles/{id}}, and sparse fieldsets on profiles. */
final class KlaviyoProfileOperationsTest {
    private KlaviyoSandbox sandbox;
    private KlaviyoTestClient client;

    @BeforeEach
    void start() {
        sandbox = KlaviyoSandbox.start(KlaviyoSandbox.Options.defaults());
        client = new KlaviyoTestClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static JsonNode profile(String attributes) {
        return KlaviyoTestClient.resource("profile", KlaviyoTestClient.parse(attributes));
    }

    private static ObjectNode patch(String id, String attributes) {
        ObjectNode body = KlaviyoTestClient.object();
        body.putObject("data").put("type", "profile").put("id", id)
                .set("attributes", KlaviyoTestClient.parse(attributes));
        return body;
    }

    @ParameterizedTest
    @ValueSource(strings = {KlaviyoTestClient.JSON_API, KlaviyoTestClient.PLAIN_JSON})
    void shouldCreateAProfileWith201AndItsLinks(String contentType) {
        var writer = new KlaviyoTestClient(sandbox, contentType);

        var reply = writer.post("/api/profiles", profile(
                "{\"email\":\"ada@example.com\",\"first_name\":\"Ada\",\"location\":{\"city\":\"London\"}}"));

        assertThat(reply.status()).isEqualTo(201);
        String id = reply.body().at("/data/id").asText();
        assertThat(reply.body().at("/data/attributes/email").asText()).isEqualTo("ada@example.com");
        assertThat(reply.body().at("/data/links/self").asText()).endsWith("/api/profiles/" + id + "/");
        assertThat(reply.body().at("/data/relationships/lists/links/related").asText())
                .endsWith("/api/profiles/" + id + "/lists/");
        assertThat(sandbox.profiles()).singleElement().satisfies(stored -> {
            assertThat(stored.id()).isEqualTo(id);
            assertThat(stored.firstName()).isEqualTo("Ada");
        });
    }

    @Test
    void shouldRefuseToCreateAProfileWhoseEmailIsTakenNamingTheDuplicate() {
        String existing = client.post("/api/profiles", profile("{\"email\":\"ada@example.com\"}")).body()
                .at("/data/id").asText();

        var reply = client.post("/api/profiles", profile("{\"email\":\"ADA@example.com\",\"first_name\":\"A\"}"));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.body().at("/errors/0/code").asText()).isEqualTo("duplicate_profile");
        assertThat(reply.body().at("/errors/0/meta/duplicate_profile_id").asText()).isEqualTo(existing);
        assertThat(sandbox.profiles()).singleElement().satisfies(p -> assertThat(p.firstName()).isNull());
    }

    @Test
    void shouldRefuseToCreateAProfileWithoutAnIdentifier() {
        var reply = client.post("/api/profiles", profile("{\"first_name\":\"Nobody\"}"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(sandbox.profiles()).isEmpty();
    }

    @Test
    void shouldGetAProfileWithSubscriptionsAndTheListsItIsOn() {
        String id = client.post("/api/profiles", profile("{\"email\":\"ada@example.com\"}")).body()
                .at("/data/id").asText();
        String listId = client.post("/api/lists", KlaviyoTestClient.resource("list",
                KlaviyoTestClient.object().put("name", "Newsletter"))).body().at("/data/id").asText();
        ObjectNode member = KlaviyoTestClient.object();
        member.putArray("data").addObject().put("type", "profile").put("id", id);
        client.post("/api/lists/" + listId + "/relationships/profiles", member);

        var reply = client.get("/api/profiles/" + id
                + "?additional-fields%5Bprofile%5D=subscriptions,predictive_analytics&include=lists");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().at("/data/id").asText()).isEqualTo(id);
        assertThat(reply.body().at("/data/attributes/subscriptions/email/marketing/consent").asText())
                .isEqualTo("NEVER_SUBSCRIBED");
        assertThat(reply.body().at("/data/attributes/predictive_analytics").isObject()).isTrue();
        assertThat(reply.body().at("/data/relationships/lists/data/0/id").asText()).isEqualTo(listId);
        assertThat(reply.body().at("/included/0/type").asText()).isEqualTo("list");
        assertThat(reply.body().at("/included/0/attributes/name").asText()).isEqualTo("Newsletter");
    }

    @Test
    void shouldAnswer404ForAnUnknownProfile() {
        var reply = client.get("/api/profiles/01NOSUCHPROFILE0000000000");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().at("/errors/0/code").asText()).isEqualTo("not_found");
    }

    @ParameterizedTest
    @ValueSource(strings = {KlaviyoTestClient.JSON_API, KlaviyoTestClient.PLAIN_JSON})
    void shouldUpdateAProfileClearingWhatIsNullAndKeepingWhatIsOmitted(String contentType) {
        var writer = new KlaviyoTestClient(sandbox, contentType);
        String id = writer.post("/api/profiles", profile("{\"email\":\"ada@example.com\",\"first_name\":\"Ada\","
                + "\"title\":\"Countess\",\"properties\":{\"tier\":\"gold\",\"pet\":\"cat\"}}")).body()
                .at("/data/id").asText();

        var reply = writer.patch("/api/profiles/" + id, patch(id,
                "{\"last_name\":\"Lovelace\",\"title\":null,\"properties\":{\"pet\":null}}"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().at("/data/attributes/last_name").asText()).isEqualTo("Lovelace");
        assertThat(reply.body().at("/data/attributes/title").isNull()).isTrue();
        assertThat(sandbox.profiles()).singleElement().satisfies(stored -> {
            assertThat(stored.firstName()).isEqualTo("Ada");
            assertThat(stored.attributes()).doesNotContainKey("title");
            assertThat(stored.properties()).containsOnlyKeys("tier");
        });
    }

    @Test
    void shouldAppendUnappendAndUnsetPropertiesThroughPatchMeta() {
        String id = client.post("/api/profiles", profile("{\"email\":\"ada@example.com\","
                + "\"properties\":{\"skus\":[\"A\",\"B\"],\"old\":1}}")).body().at("/data/id").asText();
        ObjectNode body = patch(id, "{}");
        ((ObjectNode) body.get("data")).set("meta", KlaviyoTestClient.parse("{\"patch_properties\":"
                + "{\"append\":{\"skus\":\"C\"},\"unappend\":{\"skus\":\"A\"},\"unset\":\"old\"}}"));

        var reply = client.patch("/api/profiles/" + id, body);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(sandbox.profiles().get(0).properties()).containsOnlyKeys("skus")
                .containsEntry("skus", java.util.List.of("B", "C"));
    }

    @Test
    void shouldRefuseAPatchWhoseBodyNamesAnotherProfile() {
        String id = client.post("/api/profiles", profile("{\"email\":\"ada@example.com\"}")).body()
                .at("/data/id").asText();

        var reply = client.patch("/api/profiles/" + id, patch("01SOMEONEELSE000000000000", "{\"first_name\":\"X\"}"));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(sandbox.profiles().get(0).firstName()).isNull();
    }

    @Test
    void shouldRefuseAPatchGivingAnEmailThatAnotherProfileHolds() {
        String ada = client.post("/api/profiles", profile("{\"email\":\"ada@example.com\"}")).body()
                .at("/data/id").asText();
        String grace = client.post("/api/profiles", profile("{\"email\":\"grace@example.com\"}")).body()
                .at("/data/id").asText();

        var reply = client.patch("/api/profiles/" + grace, patch(grace, "{\"email\":\"ada@example.com\"}"));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.body().at("/errors/0/meta/duplicate_profile_id").asText()).isEqualTo(ada);
    }

    @Test
    void shouldKeepOnlyTheAttributesASparseFieldsetNames() {
        client.post("/api/profiles", profile("{\"email\":\"ada@example.com\",\"first_name\":\"Ada\","
                + "\"last_name\":\"Lovelace\",\"location\":{\"city\":\"London\",\"country\":\"GB\"}}"));

        var page = client.get("/api/profiles?fields%5Bprofile%5D=email,first_name,location.city");

        assertThat(page.status()).isEqualTo(200);
        JsonNode attributes = page.body().at("/data/0/attributes");
        assertThat(fieldNames(attributes)).containsExactlyInAnyOrder("email", "first_name", "location");
        assertThat(fieldNames(attributes.get("location"))).containsExactly("city");
        assertThat(page.body().at("/data/0/id").asText()).isNotEmpty();
    }

    @Test
    void shouldRefuseASparseFieldsetNamingAnUnknownField() {
        var reply = client.get("/api/profiles?fields%5Bprofile%5D=email,favourite_colour");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().at("/errors/0/source/parameter").asText()).isEqualTo("fields[profile]");
    }

    static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
