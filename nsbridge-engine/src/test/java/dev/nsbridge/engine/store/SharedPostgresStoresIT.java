package dev.nsbridge.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.spi.data.RecordError;
import dev.nsbridge.spi.errors.InternalException;
import dev.nsbridge.spi.errors.TransientException;
import dev.nsbridge.spi.secret.Secret;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.testsupport.ManualClock;
import dev.nsbridge.testsupport.PostgresServer;
import dev.nsbridge.testsupport.PostgresServers;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The state store on a real PostgreSQL server, as two nsbridge servers on two hosts share it: each "server" here
 * is a {@link SqlStores} of its own (its own connection pool) with its own host name.
 */
@ExtendWith(PostgresServers.class)
final class SharedPostgresStoresIT {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final ProcessIdentity EAST = new ProcessIdentity("east.example", 100);
    private static final ProcessIdentity WEST = new ProcessIdentity("west.example", 100);

    private final ManualClock clock = new ManualClock(T0);
    private final PostgresServer server;
    private String url;

    SharedPostgresStoresIT(PostgresServer server) {
        this.server = server;
    }

    @BeforeEach
    void freshDatabase() throws Exception {
        url = server.createDatabase();
    }

    private SqlStores open(ProcessIdentity self) {
        return SqlStores.openPostgres(url, PostgresServer.USER, PostgresServer.PASSWORD, "nsbridge", clock, self);
    }

    @Test
    void shouldCreateTheSchemaOnceWhenServersStartTogether() throws Exception {
        ExecutorService starting = Executors.newFixedThreadPool(4);
        try {
            List<Future<SqlStores>> opened = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ProcessIdentity self = new ProcessIdentity("host-" + i, 1);
                opened.add(starting.submit(() -> open(self)));
            }
            for (Future<SqlStores> stores : opened) {
                try (SqlStores each = stores.get()) {
                    assertThat(each.schemaVersion()).isEqualTo(Schema.VERSIONS.size());
                }
            }
        } finally {
            starting.shutdownNow();
        }
        try (var connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD.reveal());
             ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM"
                     + " information_schema.tables WHERE table_schema = 'nsbridge'")) {
            rows.next();
            assertThat(rows.getInt(1)).as("nsbridge's tables, all in its own schema").isEqualTo(9);
        }
    }

    @Test
    void shouldShowEachServerWhatTheOtherWrote() {
        try (SqlStores east = open(EAST); SqlStores west = open(WEST)) {
            east.state().save("orders", State.EMPTY.with("watermark", "2024-05-01T09:00:00Z"));
            long runId = east.history().start("orders", T0, false);
            east.errors().record("profiles", runId, List.of(new RecordError("42", "invalid_email", "not an email",
                    "{\"email\":\"x\"}")), T0);

            assertThat(west.state().load("orders")).contains(State.EMPTY.with("watermark", "2024-05-01T09:00:00Z"));
            assertThat(west.history().running("orders")).map(RunRecord::id).contains(runId);
            StoredError error = west.errors().list(Optional.of("profiles"), Optional.of(ErrorStatus.OPEN), 10).get(0);
            west.errors().resolve(error.id(), T0.plusSeconds(5));
            assertThat(east.errors().count("profiles", ErrorStatus.OPEN)).isZero();
            assertThat(west.history().start("customers", T0, false)).isNotEqualTo(runId);
        }
    }

    @Test
    void shouldShowEachServerTheLedgerTheOtherWrote() {
        try (SqlStores east = open(EAST); SqlStores west = open(WEST)) {
            east.ledger("customers").put(Map.of("consent/L1/7/email", "sending 2024-01-01T00:00:00Z"));
            west.ledger("customers").put(Map.of("consent/L1/7/email", "sent 2024-01-01T00:00:00Z"));

            assertThat(east.ledger("customers").find(List.of("consent/L1/7/email")))
                    .containsExactlyEntriesOf(Map.of("consent/L1/7/email", "sent 2024-01-01T00:00:00Z"));
        }
    }

    @Test
    void shouldNeverLoseAnUpdateMadeByTwoServersAtOnce() throws Exception {
        int perWorker = 50;
        try (SqlStores east = open(EAST); SqlStores west = open(WEST)) {
            ExecutorService workers = Executors.newFixedThreadPool(4);
            try {
                List<Future<Void>> done = new ArrayList<>();
                for (SqlStores stores : List.of(east, west, east, west)) {
                    done.add(workers.submit((Callable<Void>) () -> {
                        for (int i = 0; i < perWorker; i++) {
                            stores.state().update("counter", current -> State.EMPTY.with("n",
                                    current.map(state -> state.number("n").orElse(0)).orElse(0L) + 1));
                        }
                        return null;
                    }));
                }
                for (Future<Void> each : done) {
                    each.get();
                }
            } finally {
                workers.shutdownNow();
            }
            assertThat(west.state().load("counter").orElseThrow().number("n").orElse(-1)).isEqualTo(4L * perWorker);
        }
    }

    @Test
    void shouldRunAPipelineOnOneServerAtATime() {
        try (SqlStores east = open(EAST); SqlStores west = open(WEST)) {
            RunLocks.Lease held = east.locks().acquire("orders", T0);

            assertThatThrownBy(() -> west.locks().acquire("orders", T0.plusSeconds(30)))
                    .isInstanceOf(TransientException.class)
                    .hasMessageContaining("already running").hasMessageContaining("east.example");

            held.close();
            west.locks().acquire("orders", T0.plusSeconds(31)).close();
        }
    }

    @Test
    void shouldKeepALockWhoseHolderStillBeats() {
        try (SqlStores east = open(EAST); SqlStores west = open(WEST)) {
            east.locks().acquire("orders", T0);
            clock.set(T0.plus(JdbcRunLocks.LEASE).minusSeconds(10));
            assertThat(((JdbcRunLocks) east.locks()).heartbeat("orders")).isTrue();

            assertThatThrownBy(() -> west.locks().acquire("orders", T0.plus(JdbcRunLocks.LEASE).plusSeconds(60)))
                    .hasMessageContaining("already running");
        }
    }

    @Test
    void shouldTakeOverTheLockOfAServerThatStoppedBeatingAndFailItsRun() {
        long abandoned;
        SqlStores east = open(EAST);
        abandoned = east.history().start("orders", T0, false);
        east.locks().acquire("orders", T0);
        east.close(); // the host goes away holding the lock: no release, no more heartbeats

        try (SqlStores west = open(WEST)) {
            assertThatThrownBy(() -> west.locks().acquire("orders", T0.plus(JdbcRunLocks.LEASE).minusSeconds(1)))
                    .hasMessageContaining("already running");

            west.locks().acquire("orders", T0.plus(JdbcRunLocks.LEASE).plusSeconds(1)).close();

            RunRecord run = west.history().get(abandoned).orElseThrow();
            assertThat(run.status()).isEqualTo(RunStatus.FAILED_RETRIABLE);
            assertThat(run.errorCode()).contains("RUN_ABANDONED");
        }
    }

    @Test
    void shouldGiveEachScheduledTimeToOneServer() {
        Instant eleven = Instant.parse("2024-05-01T11:00:00Z");
        try (SqlStores east = open(EAST); SqlStores west = open(WEST)) {
            assertThat(east.claims().claim("orders", eleven, eleven)).isTrue();
            assertThat(west.claims().claim("orders", eleven, eleven.plusSeconds(2))).isFalse();
            assertThat(east.claims().claim("orders", eleven.minusSeconds(3600), eleven)).as("an older time").isFalse();
            assertThat(west.claims().claim("customers", eleven, eleven)).as("another pipeline").isTrue();
            assertThat(west.claims().claim("orders", eleven.plusSeconds(3600), eleven.plusSeconds(3600))).isTrue();
        }
    }

    @Test
    void shouldNameTheStoreAndTheFixButNeverThePasswordWhenItCannotConnect() {
        String withSecretParameter = url + "?password=secret-in-the-url";
        assertThatThrownBy(() -> SqlStores.openPostgres(withSecretParameter, PostgresServer.USER,
                Secret.of("wrong-password"), "nsbridge", clock, EAST))
                .isInstanceOf(InternalException.class)
                .hasMessageContaining("cannot open the PostgreSQL state store at " + url)
                .hasMessageContaining("password authentication failed")
                .hasMessageNotContaining("secret-in-the-url")
                .hasMessageNotContaining("wrong-password")
                .satisfies(e -> assertThat(((InternalException) e).fix()).hasValueSatisfying(fix ->
                        assertThat(fix).contains("url, user and password")));
    }
}
