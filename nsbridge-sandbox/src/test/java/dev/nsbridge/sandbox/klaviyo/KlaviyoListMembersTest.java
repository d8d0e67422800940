package dev.nsbridge.sandbox.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/lists/{id}/profiles} and {@code GET /api/lists/{id}/relationships/profiles}. */
final class KlaviyoListMembersTest {
    private KlaviyoSandbox sandbox;
    private KlaviyoTestClient client;
    private String listId;
    private final List<String> joined = new ArrayList<>();

    @BeforeEach
    void start() {
        sandbox = KlaviyoSandbox.start(KlaviyoSandbox.Options.defaults());
        client = new KlaviyoTestClient(sandbox);
        listId = client.post("/api/lists", KlaviyoTestClient.resource("list",
                KlaviyoTestClient.object().put("name", "Customers"))).body().at("/data/id").asText();
        client.post("/api/profiles", KlaviyoTestClient.resource("profile",
                KlaviyoTestClient.object().put("email", "outsider@example.com")));
        for (String email : List.of("ada@example.com", "grace@example.com", "linus@example.com")) {
            String id = client.post("/api/profiles", KlaviyoTestClient.resource("profile",
                    KlaviyoTestClient.object().put("email", email))).body().at("/data/id").asText();
            ObjectNode member = KlaviyoTestClient.object();
            member.putArray("data").addObject().put("type", "profile").put("id", id);
            assertThat(client.post("/api/lists/" + listId + "/relationships/profiles", member).status())
                    .isEqualTo(204);
            joined.add(id);
            sandbox.clock().advance(Duration.ofMinutes(1));
        }
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void shouldListTheMembersInTheOrderTheyJoinedWithTheirJoinTime() {
        var reply = client.get("/api/lists/" + listId + "/profiles");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(ids(reply.body())).containsExactlyElementsOf(joined);
        assertThat(reply.body().at("/data/0/attributes/joined_group_at").asText()).isNotEmpty();
    }

    @Test
    void shouldSortNewestMembersFirstAndPage() {
        var first = client.get("/api/lists/" + listId + "/profiles?sort=-joined_group_at&page%5Bsize%5D=2");
        var second = client.get(KlaviyoEventQueryTest.pathAndQuery(first.body().at("/links/next").asText()));

        List<String> seen = new ArrayList<>(ids(first.body()));
        seen.addAll(ids(second.body()));
        List<String> newestFirst = new ArrayList<>(joined);
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void shouldFilterMembersOnEmailAndJoinTime() {
        String joinedLast = client.get("/api/lists/" + listId + "/profiles").body()
                .at("/data/2/attributes/joined_group_at").asText();

        var byEmail = client.get("/api/lists/" + listId + "/profiles?filter="
                + KlaviyoEventQueryTest.encode("any(email,[\"grace@example.com\",\"outsider@example.com\"])"));
        var recent = client.get("/api/lists/" + listId + "/relationships/profiles?filter="
                + KlaviyoEventQueryTest.encode("greater-or-equal(joined_group_at," + joinedLast + ")"));

        assertThat(ids(byEmail.body())).containsExactly(joined.get(1));
        assertThat(ids(recent.body())).containsExactly(joined.get(2));
        assertThat(recent.body().at("/data/0/type").asText()).isEqualTo("profile");
    }

    @Test
    void shouldRefuseAFilterTheListMembersDoNotAllow() {
        var reply = client.get("/api/lists/" + listId + "/profiles?filter="
                + KlaviyoEventQueryTest.encode("equals(external_id,\"C-1\")"));

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void shouldAnswer404ForTheMembersOfAnUnknownList() {
        assertThat(client.get("/api/lists/NOLIST/relationships/profiles").status()).isEqualTo(404);
    }

    private static List<String> ids(JsonNode document) {
        List<String> ids = new ArrayList<>();
        document.get("data").forEach(resource -> ids.add(resource.get("id").asText()));
        return ids;
    }
}
