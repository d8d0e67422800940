package dev.nsbridge.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.testsupport.PostgresServer;
import dev.nsbridge.testsupport.PostgresServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code nsbridge serve} processes over one PostgreSQL state store ({@code state.connection}), as behind a
 * load balancer: one admin token for both, and what one runs, pauses or queues, the other shows.
 */
@ExtendWith(PostgresServers.class)
final class ServeSharedStateIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    @Test
    void shouldShareTokenRunsPausesAndErrorsBetweenServers(PostgresServer postgres) throws Exception {
        ServeFixture.StateDb stateDb = new ServeFixture.StateDb(postgres.createDatabase(), PostgresServer.USER,
                PostgresServer.PASSWORD.reveal());
        try (ServeFixture east = new ServeFixture(folder, "0 3 * * *", stateDb)) {
            east.start(false);
            assertThat(east.token).startsWith("nsb_");

            ByteArrayOutputStream westOut = new ByteArrayOutputStream();
            try (NsbridgeServer west = NsbridgeServer.start(east.config, new ServerOptions(ServerOptions.LOCAL, 0,
                    false, false), east.environment::get, Clock.systemUTC(),
                    new PrintStream(westOut, true, StandardCharsets.UTF_8))) {
                assertThat(westOut.toString(StandardCharsets.UTF_8)).as("no second token").doesNotContain("nsb_");
                assertThat(get(west, "/api/pipelines", null).statusCode()).isEqualTo(401);
                assertThat(get(west, "/api/pipelines", east.token).statusCode()).isEqualTo(200);

                assertThat(east.post("/api/pipelines/" + ServeFixture.FLOW + "/run").statusCode()).isEqualTo(202);
                east.awaitIdle();
                JsonNode runs = json(get(west, "/api/runs?pipeline=" + ServeFixture.FLOW, east.token));
                assertThat(runs).hasSize(1);
                assertThat(runs.get(0).path("status").asText()).isEqualTo("succeeded_with_errors");
                JsonNode errors = json(get(west, "/api/errors", east.token));
                assertThat(errors.size()).as("the run's refused records, queued for both servers").isPositive();
                assertThat(errors).hasSameSizeAs(east.json(east.get("/api/errors")));

                assertThat(east.post("/api/pipelines/" + ServeFixture.FLOW + "/golive").statusCode()).isEqualTo(200);
                assertThat(east.post("/api/pipelines/" + ServeFixture.FLOW + "/pause").statusCode()).isEqualTo(200);
                JsonNode seenFromWest = json(get(west, "/api/pipelines/" + ServeFixture.FLOW, east.token));
                assertThat(seenFromWest.path("phase").asText()).isEqualTo("live");
                assertThat(seenFromWest.path("paused").asBoolean()).isTrue();
                assertThat(seenFromWest.path("nextRun").isNull()).as("paused on every server").isTrue();

                // All of it lives in PostgreSQL: nothing was written to the embedded file or the token file.
                assertThat(folder.resolve("nsbridge.db")).doesNotExist();
                assertThat(folder.resolve(".nsbridge").resolve(AdminToken.FILE_NAME)).doesNotExist();
                try (Connection connection = DriverManager.getConnection(stateDb.url(), stateDb.user(),
                        stateDb.password()); ResultSet rows = connection.createStatement().executeQuery(
                        "SELECT count(*) FROM nsbridge.runs WHERE pipeline = '" + ServeFixture.FLOW + "'")) {
                    rows.next();
                    assertThat(rows.getInt(1)).isEqualTo(1);
                }
                east.assertNoCredentialAnywhere(List.of(westOut.toString(StandardCharsets.UTF_8),
                        runs.toString(), errors.toString(), seenFromWest.toString()));
            }
        }
    }

    private HttpResponse<String> get(NsbridgeServer server, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url().toString()).resolve(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
