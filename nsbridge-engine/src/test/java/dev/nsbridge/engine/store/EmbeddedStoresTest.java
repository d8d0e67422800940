package dev.nsbridge.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.spi.data.RecordError;
import dev.nsbridge.spi.errors.TransientException;
import dev.nsbridge.spi.state.State;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class EmbeddedStoresTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final ProcessIdentity FIRST = new ProcessIdentity("host-a", 100);
    private static final ProcessIdentity SECOND = new ProcessIdentity("host-a", 200);

    @TempDir
    Path folder;

    private SqlStores open(ProcessIdentity self, boolean othersAlive) {
        return SqlStores.open(folder.resolve("nsbridge.db"), CLOCK, self, pid -> othersAlive);
    }

    @Test
    void shouldRoundTripStateAndSurviveReopen() {
        State state = State.EMPTY.with("watermark", "2024-05-01T09:00:00Z").with("offset", 42L)
                .with("ratio", 0.5).with("done", true);
        try (SqlStores stores = open(FIRST, true)) {
            stores.state().save("orders", State.EMPTY.with("offset", 1L));
            stores.state().save("orders", state);
        }

        try (SqlStores stores = open(FIRST, true)) {
            assertThat(stores.state().load("orders")).contains(state);
            assertThat(stores.state().load("orders").orElseThrow().values().get("offset")).isInstanceOf(Long.class);
            assertThat(stores.state().load("customers")).isEmpty();
            assertThat(stores.schemaVersion()).isEqualTo(Schema.VERSIONS.size());
            stores.state().clear("orders");
            assertThat(stores.state().load("orders")).isEmpty();
        }
    }

    @Test
    void shouldKeepEachPipelinesLedgerAcrossReopenApartFromItsState() {
        try (SqlStores stores = open(FIRST, true)) {
            stores.ledger("customers").put(Map.of("consent/L1/7/email", "sending 2024-01-01T00:00:00Z",
                    "consent/L1/8/email", "sent 2024-02-01T00:00:00Z"));
            stores.ledger("customers").put(Map.of("consent/L1/7/email", "sent 2024-01-01T00:00:00Z"));
            stores.ledger("orders").put(Map.of("consent/L1/7/email", "someone else's"));
            stores.state().clear("customers");
        }

        try (SqlStores stores = open(SECOND, true)) {
            assertThat(stores.ledger("customers").find(List.of("consent/L1/7/email", "consent/L1/8/email",
                    "consent/L1/9/email"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "consent/L1/7/email", "sent 2024-01-01T00:00:00Z", "consent/L1/8/email", "sent 2024-02-01T00:00:00Z"));
            stores.ledger("customers").remove(List.of("consent/L1/8/email"));
            assertThat(stores.ledger("customers").find(List.of("consent/L1/8/email"))).isEmpty();
            assertThat(stores.ledger("orders").find(List.of("consent/L1/7/email")))
                    .containsEntry("consent/L1/7/email", "someone else's");
        }
    }

    @Test
    void shouldFindLedgerEntriesBeyondOneStatementsWorthOfKeys() {
        try (SqlStores stores = open(FIRST, true)) {
            Map<String, String> many = new java.util.HashMap<>();
            for (int i = 0; i < 1_234; i++) {
                many.put("key-" + i, "value-" + i);
            }
            stores.ledger("customers").put(many);

            assertThat(stores.ledger("customers").find(many.keySet())).isEqualTo(many);
        }
    }

    @Test
    void shouldLetASecondProcessReadWhatTheFirstWroteInWalMode() throws Exception {
        try (SqlStores running = open(FIRST, true); SqlStores status = open(SECOND, true)) {
            long runId = running.history().start("orders", T0, false);

            assertThat(status.history().running("orders")).map(RunRecord::id).contains(runId);
        }
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("nsbridge.db"));
             ResultSet rows = connection.createStatement().executeQuery("PRAGMA journal_mode")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void shouldRecordARunWithItsCountsDurationAndStreams() {
        try (SqlStores stores = open(FIRST, true)) {
            long first = stores.history().start("orders", T0, false);
            long second = stores.history().start("customers", T0.plusSeconds(1), true);
            stores.history().finish(first, new RunOutcome(RunStatus.SUCCEEDED_WITH_ERRORS, T0.plusSeconds(90),
                    Map.of("transaction", new RunCounts(10, 9, 1, 1)), Optional.empty(), Optional.empty()));

            RunRecord run = stores.history().get(first).orElseThrow();
            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED_WITH_ERRORS);
            assertThat(run.duration()).isEqualTo(Duration.ofSeconds(90));
            assertThat(run.finishedAt()).contains(T0.plusSeconds(90));
            assertThat(run.counts()).isEqualTo(new RunCounts(10, 9, 1, 1));
            assertThat(run.streams()).containsExactly(Map.entry("transaction", new RunCounts(10, 9, 1, 1)));
            assertThat(stores.history().recent(Optional.empty(), 10)).extracting(RunRecord::id)
                    .containsExactly(second, first);
            assertThat(stores.history().recent(Optional.of("orders"), 10)).extracting(RunRecord::id)
                    .containsExactly(first);
            assertThat(stores.history().get(second).orElseThrow().dryRun()).isTrue();
            assertThat(stores.history().running("orders")).isEmpty();
        }
    }

    @Test
    void shouldKeepOneEntryPerRecordAndReopenItWhenItFailsAgain() {
        RecordError bad = new RecordError("42", "invalid_email", "not an email", "{\"email\":\"x\"}");
        try (SqlStores stores = open(FIRST, true)) {
            stores.errors().record("profiles", 1, List.of(bad), T0);
            long id = stores.errors().list(Optional.of("profiles"), Optional.empty(), 10).get(0).id();
            stores.errors().resolve(id, T0.plusSeconds(5));
            assertThat(stores.errors().count("profiles", ErrorStatus.OPEN)).isZero();

            stores.errors().record("profiles", 2, List.of(bad), T0.plusSeconds(60));

            StoredError stored = stores.errors().get(id).orElseThrow();
            assertThat(stored.status()).isEqualTo(ErrorStatus.OPEN);
            assertThat(stored.attempts()).isEqualTo(2);
            assertThat(stored.runId()).isEqualTo(2);
            assertThat(stored.firstSeen()).isEqualTo(T0);
            assertThat(stored.lastSeen()).isEqualTo(T0.plusSeconds(60));
            assertThat(stored.resolvedAt()).isEmpty();
            assertThat(stored.error()).isEqualTo(bad);
        }
    }

    @Test
    void shouldCountRetriesAndResolve() {
        try (SqlStores stores = open(FIRST, true)) {
            stores.errors().record("profiles", 1, List.of(new RecordError("1", "c", "r", "{}")), T0);
            long id = stores.errors().list(Optional.empty(), Optional.of(ErrorStatus.OPEN), 10).get(0).id();

            stores.errors().markRetried(id, new RecordError("1", "c2", "still bad", "{\"a\":1}"), T0.plusSeconds(9));
            assertThat(stores.errors().get(id).orElseThrow()).satisfies(e -> {
                assertThat(e.attempts()).isEqualTo(2);
                assertThat(e.error().reason()).isEqualTo("still bad");
                assertThat(e.status()).isEqualTo(ErrorStatus.OPEN);
            });

            stores.errors().resolve(id, T0.plusSeconds(10));
            assertThat(stores.errors().get(id).orElseThrow().resolvedAt()).contains(T0.plusSeconds(10));
            assertThat(stores.errors().list(Optional.of("profiles"), Optional.of(ErrorStatus.OPEN), 10)).isEmpty();
        }
    }

    @Test
    void shouldRefuseASecondRunAcrossProcessesNamingTheRunningOne() {
        try (SqlStores first = open(FIRST, true); SqlStores second = open(SECOND, true)) {
            RunLocks.Lease lease = first.locks().acquire("orders", T0);
            long runId = first.history().start("orders", T0, false);

            assertThatThrownBy(() -> second.locks().acquire("orders", T0))
                    .isInstanceOf(TransientException.class)
                    .hasMessage("pipeline 'orders' is already running (run " + runId + ", started " + T0
                            + ", process 100 on host-a since " + T0 + "); wait for it to finish or stop that process,"
                            + " then start again");
            second.locks().acquire("customers", T0).close();

            lease.close();
            second.locks().acquire("orders", T0).close();
        }
    }

    @Test
    void shouldTakeOverALockLeftByADeadProcessAndCloseItsRun() {
        try (SqlStores crashed = open(FIRST, true)) {
            crashed.locks().acquire("orders", T0);
            crashed.history().start("orders", T0, false);
        }
        try (SqlStores next = open(SECOND, false)) {
            next.locks().acquire("orders", T0.plusSeconds(30)).close();

            RunRecord abandoned = next.history().recent(Optional.of("orders"), 1).get(0);
            assertThat(abandoned.status()).isEqualTo(RunStatus.FAILED_RETRIABLE);
            assertThat(abandoned.errorCode()).contains("RUN_ABANDONED");
            assertThat(abandoned.duration()).isEqualTo(Duration.ofSeconds(30));
        }
    }
}
