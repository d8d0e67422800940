package dev.nsbridge.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.klaviyo.events.Event;
import dev.nsbridge.klaviyo.events.KlaviyoEvents;
import dev.nsbridge.klaviyo.http.BatchSplitter;
import dev.nsbridge.klaviyo.http.Connection;
import dev.nsbridge.klaviyo.http.JsonApi;
import dev.nsbridge.klaviyo.http.KlaviyoHttp;
import dev.nsbridge.klaviyo.http.RetryPolicy;
import dev.nsbridge.klaviyo.jobs.JobPoller;
import dev.nsbridge.klaviyo.jobs.JobPolling;
import dev.nsbridge.klaviyo.profiles.Profile;
import dev.nsbridge.klaviyo.profiles.ProfileImports;
import dev.nsbridge.spi.errors.RecordException;
import dev.nsbridge.spi.secret.Secret;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class BatchSplittingTest {

    @Test
    void shouldSplitByCount() {
        List<JsonNode> items = IntStream.range(0, 25).<JsonNode>mapToObj(i -> JsonApi.object().put("i", i)).toList();

        List<List<JsonNode>> chunks = new BatchSplitter(10, 1_000_000, 1_000_000).split(items, 20);

        assertThat(chunks).extracting(List::size).containsExactly(10, 10, 5);
    }

    @Test
    void shouldSplitByBytesCountingTheEnvelopeAndSeparators() {
        // each item is {"v":"xxxxxxxx"} = 16 bytes; envelope 20; 20 + 16 + 1 + 16 + 1 + 16 = 70 fits, a 4th does not
        List<JsonNode> items = IntStream.range(0, 7)
                .<JsonNode>mapToObj(i -> JsonApi.object().put("v", "xxxxxxxx")).toList();

        List<List<JsonNode>> chunks = new BatchSplitter(100, 70, 70).split(items, 20);

        assertThat(chunks).extracting(List::size).containsExactly(3, 3, 1);
    }

    @Test
    void shouldMeasureCharactersOutsideAsciiByTheirUtf8Bytes() {
        // {"v":"Zoë 😀"} is 14 characters but 17 bytes (ë takes 2, the emoji 4): 20 + 17 + 1 + 17 = 55
        List<JsonNode> items = IntStream.range(0, 3)
                .<JsonNode>mapToObj(i -> JsonApi.object().put("v", "Zoë \uD83D\uDE00")).toList();

        assertThat(new BatchSplitter(100, 55, 55).split(items, 20)).extracting(List::size).containsExactly(2, 1);
        assertThat(new BatchSplitter(100, 54, 54).split(items, 20)).extracting(List::size).containsExactly(1, 1, 1);
    }

    @Test
    void shouldHandBackEachItemAsTheJsonItWasMeasuredOn() {
        List<JsonNode> items = List.of(JsonApi.object().put("v", "Zoë"), JsonApi.object().put("w", 1));

        List<JsonNode> chunk = new BatchSplitter(100, 1_000, 1_000).split(items, 20).get(0);

        assertThat(JsonApi.text(JsonApi.array().addAll(chunk))).isEqualTo("[{\"v\":\"Zoë\"},{\"w\":1}]");
    }

    @Test
    void shouldRefuseAnItemThatAloneIsOverTheLimit() {
        List<JsonNode> items = List.of(JsonApi.object().put("v", "x".repeat(200)));

        assertThatThrownBy(() -> new BatchSplitter(10, 1_000, 100).split(items, 20))
                .isInstanceOf(RecordException.class).hasMessageContaining("Item 0");
    }

    @Test
    void shouldSendEveryBatchAsAValidRequestUnderTheByteLimit() throws Exception {
        FakeTime time = new FakeTime();
        try (FakeKlaviyo klaviyo = new FakeKlaviyo()) {
            KlaviyoHttp http = new KlaviyoHttp(HttpClient.newHttpClient(),
                    Connection.klaviyo(Secret.of("pk_x")).withBaseUri(klaviyo.baseUri()), RetryPolicy.defaults(),
                    time.timing());
            ProfileImports imports = new ProfileImports(http, new JobPoller(JobPolling.defaults(), time.timing()),
                    new BatchSplitter(3, 2_000, 1_000));
            KlaviyoEvents events = new KlaviyoEvents(http, new BatchSplitter(1_000, 1_500, 1_500));
            List<Profile> profiles = IntStream.range(0, 7)
                    .mapToObj(i -> Profile.ofEmail("person" + i + "@example.com")).toList();
            List<Event> manyEvents = IntStream.range(0, 10).mapToObj(i -> new Event("Placed Order",
                    Profile.ofEmail("p@example.com"), Map.of("OrderId", "SO-" + i), null, null, null, "SO-" + i,
                    false)).toList();

            assertThat(imports.submit(profiles, List.of())).hasSize(3);
            int eventRequests = events.createAll(manyEvents);

            assertThat(eventRequests).isGreaterThan(1);
            List<FakeKlaviyo.Captured> sent = klaviyo.captured();
            assertThat(sent).hasSize(3 + eventRequests).allSatisfy(request -> {
                assertThat(KlaviyoSpec.problems(request)).isEmpty();
            });
            ObjectMapper mapper = new ObjectMapper();
            int eventsSent = 0;
            for (FakeKlaviyo.Captured request : sent.subList(3, sent.size())) {
                assertThat(request.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1_500);
                eventsSent += mapper.readTree(request.body()).at("/data/attributes/events-bulk-create/data").size();
            }
            assertThat(eventsSent).isEqualTo(10);
        }
    }
}
