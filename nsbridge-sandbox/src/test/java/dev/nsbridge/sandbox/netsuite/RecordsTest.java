package dev.nsbridge.sandbox.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class RecordsTest {
    private static final String RECORDS = "/services/rest/record/v1";

    private final ObjectMapper json = new ObjectMapper();
    private NetSuiteSandbox sandbox;
    private SandboxClient client;

    @BeforeAll
    void start() {
        sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults(), new HandMadeAccount());
        client = new SandboxClient(sandbox);
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @Test
    void shouldReadARecordWithItsSelfLink() throws Exception {
        HttpResponse<String> answer = client.signed("GET", RECORDS + "/customer/101", null);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode record = json.readTree(answer.body());
        assertThat(record.path("links").get(0).path("href").asText())
                .isEqualTo(sandbox.baseUrl() + RECORDS + "/customer/101");
        assertThat(record.path("entityId").asText()).isEqualTo("CUST-101");
        assertThat(record.path("dateCreated").asText()).isEqualTo("2024-01-15T08:30:00Z");
    }

    @Test
    void shouldCreateARecordAndAnswer204WithItsLocation() throws Exception {
        HttpResponse<String> created = client.signed("POST", RECORDS + "/contact",
                "{\"firstName\":\"Ada\",\"email\":\"ada@example.com\"}");

        assertThat(created.statusCode()).isEqualTo(204);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(sandbox.baseUrl() + RECORDS + "/contact/");
        String path = location.substring(sandbox.baseUrl().toString().length());
        assertThat(json.readTree(client.signed("GET", path, null).body()).path("firstName").asText()).isEqualTo("Ada");
    }

    @Test
    void shouldPassOnTheAccountsRefusalOfACreate() throws Exception {
        HttpResponse<String> refused = client.signed("POST", RECORDS + "/customer", "{\"email\":\"not-an-email\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).path("o:errorDetails").get(0).path("o:errorCode").asText())
                .isEqualTo("USER_ERROR");
    }

    @Test
    void shouldPatchARecord() throws Exception {
        HttpResponse<String> patched = client.signed("PATCH", RECORDS + "/customer/102",
                "{\"custentity_klaviyo_id\":\"01HXYZ\"}");

        assertThat(patched.statusCode()).isEqualTo(204);
        assertThat(json.readTree(client.signed("GET", RECORDS + "/customer/102", null).body())
                .path("custentity_klaviyo_id").asText()).isEqualTo("01HXYZ");
    }

    @Test
    void shouldAnswerNonexistentIdForAMissingRecord() throws Exception {
        HttpResponse<String> missing = client.signed("GET", RECORDS + "/customer/999", null);
        HttpResponse<String> patchMissing = client.signed("PATCH", RECORDS + "/customer/999", "{\"email\":\"a@b.c\"}");

        for (HttpResponse<String> answer : java.util.List.of(missing, patchMissing)) {
            assertThat(answer.statusCode()).isEqualTo(404);
            JsonNode body = json.readTree(answer.body());
            assertThat(body.path("title").asText()).isEqualTo("Not Found");
            assertThat(body.path("o:errorDetails").get(0).path("o:errorCode").asText()).isEqualTo("NONEXISTENT_ID");
            assertThat(body.path("o:errorDetails").get(0).path("detail").asText()).isEqualTo("Record does not exist.");
        }
    }

    @Test
    void shouldServeTheMetadataCatalogAsJsonSchema() throws Exception {
        String path = RECORDS + "/metadata-catalog/customer";
        HttpResponse<String> answer = client.send(client.request("GET", path, null)
                .header("Accept", "application/schema+json")
                .header("Authorization", client.authorization("GET", client.url(path), client.tba())).build());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/schema+json"));
        assertThat(json.readTree(answer.body()).path("properties").has("custentity_klaviyo_id")).isTrue();
    }

    @Test
    void shouldListTheRecordTypesOfTheMetadataCatalogWithLinksToTheirSchemas() throws Exception {
        HttpResponse<String> answer = client.signed("GET", RECORDS + "/metadata-catalog", null);

        assertThat(answer.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        json.readTree(answer.body()).path("items").forEach(item -> {
            names.add(item.path("name").asText());
            assertThat(item.path("links").findValuesAsText("href")).contains(sandbox.baseUrl() + RECORDS
                    + "/metadata-catalog/" + item.path("name").asText());
        });
        assertThat(names).containsExactlyElementsOf(sandbox.account().schemaTypes());
    }

    @Test
    void shouldAnswer404InNetSuitesShapeForAnUnknownPath() throws Exception {
        HttpResponse<String> answer = client.signed("GET", "/services/rest/nothing/here", null);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(json.readTree(answer.body()).path("o:errorDetails").get(0).path("o:errorCode").asText())
                .isNotBlank();
    }

    @Test
    void shouldKeepSecretsOutOfToString() {
        NetSuiteSandbox.Credentials credentials = sandbox.credentials();

        assertThat(credentials.toString()).doesNotContain(credentials.tba().consumerSecret())
                .doesNotContain(credentials.tba().tokenSecret()).doesNotContain("PRIVATE KEY");
        assertThat(sandbox.toString()).doesNotContain(credentials.tba().tokenSecret());
    }

    @Test
    void shouldPrintEverythingAClientNeedsOnOneLine() throws Exception {
        String line = sandbox.startupJson();

        assertThat(line).doesNotContain("\n");
        JsonNode netsuite = json.readTree(line).path("netsuite");
        assertThat(netsuite.path("baseUrl").asText()).isEqualTo(sandbox.baseUrl().toString());
        assertThat(netsuite.path("accountId").asText()).isEqualTo("1234567_SB1");
        assertThat(netsuite.path("timeZone").asText()).isEqualTo("America/Los_Angeles");
        assertThat(netsuite.path("tba").path("tokenSecret").asText())
                .isEqualTo(sandbox.credentials().tba().tokenSecret());
        assertThat(netsuite.path("oauth2").path("tokenUrl").asText())
                .isEqualTo(sandbox.baseUrl() + "/services/rest/auth/oauth2/v1/token");
        assertThat(netsuite.path("oauth2").path("certificates")).hasSize(2);
        assertThat(netsuite.path("oauth2").path("certificates").get(0).path("privateKeyPem").asText())
                .startsWith("-----BEGIN PRIVATE KEY-----");
    }
}
