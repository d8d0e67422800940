package dev.nsbridge.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nsbridge.engine.store.SqlStores;
import dev.nsbridge.engine.store.RunCounts;
import dev.nsbridge.engine.store.RunOutcome;
import dev.nsbridge.engine.store.RunStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restarts: a schedule missed while the server was down runs once, and the admin token survives or is reset. */
final class ServeRestartIT {
    @TempDir
    Path folder;

    @Test
    void shouldRunAMissedScheduleOnceAfterRestartAndKeepTheTokenUntilReset() throws Exception {
        try (ServeFixture fixture = new ServeFixture(folder, "0 3 * * *")) {
            fixture.start(false);
            String firstToken = fixture.token;
            fixture.post("/api/pipelines/" + ServeFixture.FLOW + "/golive");
            fixture.stop();
            // The last run was three days ago: three 03:00 runs were missed while the server was down.
            Instant longAgo = Instant.now().minus(Duration.ofDays(3));
            try (SqlStores stores = SqlStores.open(folder.resolve("nsbridge.db"), Clock.systemUTC())) {
                long run = stores.history().start(ServeFixture.FLOW, longAgo, false);
                stores.history().finish(run, new RunOutcome(RunStatus.SUCCEEDED, longAgo.plusSeconds(5),
                        Map.of("customer", RunCounts.ZERO), Optional.empty(), Optional.empty()));
            }

            fixture.start(false);
            assertThat(fixture.stdout()).doesNotContain("nsb_");
            assertThat(fixture.token).isEqualTo(firstToken);
            ServeFixture.await(() -> realRuns(fixture) == 2, Duration.ofSeconds(60));
            fixture.awaitIdle();
            Thread.sleep(2_000);
            assertThat(realRuns(fixture)).as("one run for all the missed times").isEqualTo(2);
            fixture.stop();

            fixture.start(true);
            assertThat(fixture.token).isNotEqualTo(firstToken);
            assertThat(fixture.send("GET", "/api/pipelines", firstToken).statusCode()).isEqualTo(401);
            assertThat(fixture.get("/api/pipelines").statusCode()).isEqualTo(200);
            fixture.assertNoCredentialAnywhere(java.util.List.of());
        }
    }

    private static long realRuns(ServeFixture fixture) {
        try {
            JsonNode runs = fixture.json(fixture.get("/api/runs?pipeline=" + ServeFixture.FLOW));
            long count = 0;
            for (JsonNode run : runs) {
                if (!run.path("dryRun").asBoolean()) {
                    count++;
                }
            }
            return count;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
