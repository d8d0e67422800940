package dev.nsbridge.app.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.app.connect.ConnectionTypes;
import dev.nsbridge.app.ledger.LedgerTieOut;
import dev.nsbridge.engine.config.ConfigLoader;
import dev.nsbridge.engine.config.NsbridgeConfig;
import dev.nsbridge.engine.run.PipelineRunner;
import dev.nsbridge.engine.run.RunListener;
import dev.nsbridge.engine.store.SqlStores;
import dev.nsbridge.spi.destination.Destination;
import dev.nsbridge.spi.destination.LoadMethod;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.errors.TransientException;
import dev.nsbridge.spi.source.ReadMode;
import dev.nsbridge.spi.source.ReadRequest.Window;
import dev.nsbridge.warehouse.duckdb.DuckDbDestination;
import dev.nsbridge.warehouse.duckdb.DuckDbSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ExtractRunnerTest {
    private static final Instant MONDAY = Instant.parse("2024-05-06T10:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2024-05-07T10:00:00Z");

    @TempDir
    Path folder;

    private final ListSource source = new ListSource();
    private SqlStores stores;
    private DuckDbDestination warehouse;
    private NsbridgeConfig config;

    @BeforeEach
    void open() throws Exception {
        Path file = Files.writeString(folder.resolve("nsbridge.yaml"), """
                connections:
                  netsuite: {type: netsuite, account: "1234567", auth: tba, consumer_key: "${NS_CONSUMER_KEY}",
                             consumer_secret: "${NS_CONSUMER_SECRET}", token_id: "${NS_TOKEN_ID}",
                             token_secret: "${NS_TOKEN_SECRET}"}
                  warehouse: {type: duckdb, path: warehouse.duckdb}
                extracts:
                  customer: {connection: netsuite, table: customer, destination: warehouse}
                  paused: {connection: netsuite, table: customer, destination: warehouse,
                           destination_table: customer_copy, enabled: false}
                """);
        Map<String, String> environment = Map.of("NS_CONSUMER_KEY", "a", "NS_CONSUMER_SECRET", "b", "NS_TOKEN_ID", "c",
                "NS_TOKEN_SECRET", "d");
        config = new ConfigLoader(ConnectionTypes.installed().registry().build(), environment::get).load(file);
        stores = SqlStores.open(folder.resolve("nsbridge.db"), Clock.systemUTC());
        warehouse = new DuckDbDestination(new DuckDbSettings(folder.resolve("warehouse.duckdb")));
        source.add(1, "ada@example.com", MONDAY);
        source.add(2, "grace@example.com", MONDAY);
        source.add(3, "edsger@example.com", TUESDAY);
    }

    @AfterEach
    void close() {
        stores.close();
    }

    private ExtractRunner runner() {
        return new ExtractRunner(new ExtractPlanner(config, name -> source, name -> (Destination) warehouse),
                new PipelineRunner(stores, Clock.systemUTC()), new LedgerTieOut(config, name -> source,
                name -> (Destination) warehouse, stores.history()));
    }

    @Test
    void shouldLandEveryRowThenChangeNothingWhenNothingIsNew() throws Exception {
        List<ExtractOutcome> first = runner().run(ExtractRequest.ALL, RunListener.NONE);
        List<ExtractOutcome> second = runner().run(ExtractRequest.ALL, RunListener.NONE);

        assertThat(first).singleElement().satisfies(outcome -> {
            assertThat(outcome.succeeded()).isTrue();
            assertThat(outcome.result().counts().written()).isEqualTo(3);
            assertThat(outcome.loadMethod()).isEqualTo(LoadMethod.MERGE);
        });
        assertThat(second.get(0).result().counts().written()).isZero();
        assertThat(second.get(0).result().state()).isEqualTo(first.get(0).result().state());
        assertThat(count("SELECT count(*) FROM customer")).isEqualTo(3);
        assertThat(new CommittedStates(name -> warehouse, stores.state()).of(config.extracts().get("customer"))
                .number(ListSource.WATERMARK).getAsLong()).isEqualTo(TUESDAY.toEpochMilli());
    }

    @Test
    void shouldBackfillAWindowWithoutMovingTheWatermark() throws Exception {
        runner().run(ExtractRequest.ALL, RunListener.NONE);
        source.rows.set(0, new Object[] {1L, "ada@changed.example.com", MONDAY});

        List<ExtractOutcome> backfill = runner().run(new ExtractRequest(List.of("customer"), false,
                Optional.of(new Window(MONDAY.minusSeconds(3600), MONDAY.plusSeconds(3600)))), RunListener.NONE);

        assertThat(backfill.get(0).result().counts().written()).isEqualTo(2);
        assertThat(backfill.get(0).result().state().number(ListSource.WATERMARK).getAsLong())
                .isEqualTo(TUESDAY.toEpochMilli());
        assertThat(count("SELECT count(*) FROM customer WHERE email = 'ada@changed.example.com'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM customer")).isEqualTo(3);
    }

    @Test
    void shouldReadEverythingAndRebuildOnAFullRefresh() {
        runner().run(ExtractRequest.ALL, RunListener.NONE);

        List<ExtractOutcome> refresh = runner().run(new ExtractRequest(List.of(), true, Optional.empty()),
                RunListener.NONE);

        assertThat(source.reads.get(source.reads.size() - 1).mode()).isEqualTo(ReadMode.FULL);
        assertThat(refresh.get(0).loadMethod()).isEqualTo(LoadMethod.DROP_CREATE_LOAD);
        assertThat(refresh.get(0).result().counts().written()).isEqualTo(3);
    }

    @Test
    void shouldRunADisabledExtractOnlyWhenNamed() {
        assertThat(runner().run(ExtractRequest.ALL, RunListener.NONE)).extracting(ExtractOutcome::extract)
                .containsExactly("customer");
        assertThat(runner().run(ExtractRequest.of(List.of("paused")), RunListener.NONE))
                .extracting(ExtractOutcome::target).containsExactly("customer_copy");
    }

    @Test
    void shouldNameTheClosestExtractForATypo() {
        assertThatThrownBy(() -> runner().run(ExtractRequest.of(List.of("custmer")), RunListener.NONE))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("custmer")
                .satisfies(e -> assertThat(((ConfigurationException) e).fix()).contains("did you mean customer?"));
    }

    @Test
    void shouldReportAFailedRunAndGoOn() {
        source.failure = new TransientException("NETSUITE_UNAVAILABLE", "NetSuite answered 503");

        List<ExtractOutcome> outcomes = runner().run(ExtractRequest.of(List.of("customer", "paused")),
                RunListener.NONE);

        assertThat(outcomes).hasSize(2).noneMatch(ExtractOutcome::succeeded);
        assertThat(outcomes.get(0).result().failure()).get().extracting(e -> e.code())
                .isEqualTo("NETSUITE_UNAVAILABLE");
    }

    private long count(String sql) throws Exception {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

}
