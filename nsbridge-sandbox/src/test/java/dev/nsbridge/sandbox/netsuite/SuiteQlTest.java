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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class SuiteQlTest {
    /** Oracle: "Using SuiteQL queries, you can return a maximum of 100,000 results" (section_157909186990). */
    private static final int CAP = 100_000;
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
    void shouldAnswerInNetSuitesKeyOrderWithEscapedSlashes() throws Exception {
        HttpResponse<String> answer = client.suiteQl("?limit=2&offset=0", "SELECT id, email FROM customer");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(answer.body());
        assertThat(fieldNames(body)).containsExactly("links", "count", "hasMore", "items", "offset", "totalResults");
        assertThat(body.path("count").asInt()).isEqualTo(2);
        assertThat(body.path("hasMore").asBoolean()).isTrue();
        assertThat(body.path("totalResults").asInt()).isEqualTo(3);
        assertThat(fieldNames(body.path("items").get(0)).get(0)).isEqualTo("links");
        assertThat(body.path("items").get(0).path("links").isEmpty()).isTrue();
        assertThat(body.path("items").get(0).path("id").isTextual()).isTrue();
        String base = sandbox.baseUrl() + "/services/rest/query/v1/suiteql";
        assertThat(body.path("links").get(0).path("rel").asText()).isEqualTo("self");
        assertThat(body.path("links").get(1).path("rel").asText()).isEqualTo("next");
        assertThat(body.path("links").get(1).path("href").asText()).isEqualTo(base + "?limit=2&offset=2");
        assertThat(answer.body()).contains("\"href\":\"" + base.replace("/", "\\/") + "?limit=2&offset=0\"");
        assertThat(answer.body()).contains("\"datecreated\":\"1\\/15\\/2024\"");
        assertThat(answer.body()).doesNotContain("http://");
    }

    @Test
    void shouldLeaveOutTheNextLinkOnTheLastPageAndNullColumns() throws Exception {
        JsonNode body = json.readTree(client.suiteQl("?limit=2&offset=2", "SELECT * FROM customer").body());

        assertThat(body.path("hasMore").asBoolean()).isFalse();
        assertThat(body.path("links")).hasSize(1);
        assertThat(body.path("items").get(0).has("email")).isFalse();
    }

    @Test
    void shouldDefaultTheLimitToAThousand() throws Exception {
        JsonNode body = json.readTree(client.suiteQl("", "SELECT id FROM bigtable").body());

        assertThat(body.path("count").asInt()).isEqualTo(1000);
        assertThat(body.path("offset").asInt()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"?limit=1001, limit", "?limit=0, limit", "?limit=abc, limit", "?limit=10&offset=15, offset",
            "?limit=1000&offset=100000, offset", "?offset=-1000, offset"})
    void shouldRefusePagingOutsideNetSuitesRules(String query, String parameter) throws Exception {
        HttpResponse<String> answer = client.suiteQl(query, "SELECT id FROM bigtable");

        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode detail = json.readTree(answer.body()).path("o:errorDetails").get(0);
        assertThat(detail.path("o:errorCode").asText()).isEqualTo("INVALID_PARAMETER");
        assertThat(detail.path("o:errorQueryParam").asText()).isEqualTo(parameter);
    }

    @Test
    void shouldServeTheLastPageBeforeTheCap() throws Exception {
        JsonNode body = json.readTree(client.suiteQl("?limit=1000&offset=99000", "SELECT id FROM bigtable").body());

        assertThat(body.path("count").asInt()).isEqualTo(1000);
        assertThat(body.path("items").get(999).path("id").asText()).isEqualTo("100000");
    }

    @Test
    void shouldServeNoRowPastTheCapWhenAPageStraddlesIt() throws Exception {
        // 99,995 is divisible by 7, so the page is a legal one; rows 99,996 to 100,002 would cross the cap.
        JsonNode body = json.readTree(client.suiteQl("?limit=7&offset=99995", "SELECT id FROM bigtable").body());

        assertThat(body.path("count").asInt()).isEqualTo(CAP - 99_995);
        assertThat(body.path("items").get(body.path("count").asInt() - 1).path("id").asText())
                .isEqualTo(String.valueOf(CAP));
        assertThat(body.path("hasMore").asBoolean()).isFalse();
        assertThat(body.path("links")).hasSize(1);
        assertThat(body.path("totalResults").asLong()).isEqualTo(CAP);
    }

    @Test
    void shouldEndAQueryAtTheCapWithNoNextLinkToAnOffsetItRefuses() throws Exception {
        assertThat(HandMadeAccount.BIG_TABLE_ROWS).isGreaterThan(CAP);
        JsonNode first = json.readTree(client.suiteQl("?limit=1000&offset=0", "SELECT id FROM bigtable").body());
        JsonNode last = json.readTree(client.suiteQl("?limit=1000&offset=99000", "SELECT id FROM bigtable").body());

        assertThat(first.path("hasMore").asBoolean()).isTrue();
        assertThat(first.path("totalResults").asLong()).isEqualTo(CAP);
        assertThat(last.path("count").asInt()).isEqualTo(1000);
        assertThat(last.path("hasMore").asBoolean()).isFalse();
        assertThat(last.path("links")).hasSize(1);
        assertThat(last.path("offset").asLong() + last.path("count").asLong())
                .isEqualTo(last.path("totalResults").asLong());
    }

    @Test
    void shouldAnswerAQueryErrorWithTheAccountsDetail() throws Exception {
        HttpResponse<String> answer = client.suiteQl("", "SELECT x FROM nonsense");

        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode body = json.readTree(answer.body());
        assertThat(fieldNames(body)).containsExactly("type", "title", "status", "o:errorDetails");
        assertThat(body.path("title").asText()).isEqualTo("Bad Request");
        JsonNode detail = body.path("o:errorDetails").get(0);
        assertThat(fieldNames(detail)).containsExactly("detail", "o:errorCode", "o:errorQueryParam");
        assertThat(detail.path("detail").asText()).endsWith("Invalid search type: nonsense.");
        assertThat(detail.path("o:errorQueryParam").asText()).isEqualTo("q");
    }

    @Test
    void shouldRequirePreferTransient() throws Exception {
        String path = "/services/rest/query/v1/suiteql";
        HttpResponse<String> answer = client.send(client.request("POST", path, "{\"q\":\"SELECT id FROM customer\"}")
                .header("Authorization", client.authorization("POST", client.url(path), client.tba())).build());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json.readTree(answer.body()).path("o:errorDetails").get(0).path("o:errorHeader").asText())
                .isEqualTo("Prefer");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
