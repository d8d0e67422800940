package dev.nsbridge.netsuite.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.netsuite.NetSuiteAccountId;
import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.NetSuiteConnection;
import dev.nsbridge.netsuite.auth.TbaAuth;
import dev.nsbridge.netsuite.auth.TbaCredentials;
import dev.nsbridge.netsuite.catalog.NetSuiteTables;
import dev.nsbridge.netsuite.http.RetryPolicy;
import dev.nsbridge.netsuite.suiteql.SuiteQlQuery;
import dev.nsbridge.netsuite.suiteql.SuiteQlRows;
import dev.nsbridge.netsuite.suiteql.SuiteQlSelect;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.secret.Secret;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.source.ReadMode;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source against the sandbox NetSuite: every read compared with a fresh full read of the account. */
final class NetSuiteSourceIT {
    private static final RetryPolicy FAST = new RetryPolicy(10, Duration.ofMillis(5), Duration.ofMillis(50));
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final SourceTuning SMALL = new SourceTuning(300, 200, 2_000, 1_000, 4);

    @TempDir
    Path stateDirectory;
    private NetSuiteSandbox sandbox;
    private NetSuiteClient client;
    private NetSuiteSource source;

    @BeforeEach
    void start() {
        sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.2));
        NetSuiteAccountId account = NetSuiteAccountId.parse(sandbox.accountId());
        NetSuiteSandbox.Tba tba = sandbox.credentials().tba();
        TbaAuth auth = new TbaAuth(new TbaCredentials(account, Secret.of(tba.consumerKey()),
                Secret.of(tba.consumerSecret()), Secret.of(tba.tokenId()), Secret.of(tba.tokenSecret())),
                sandbox.clock());
        client = new NetSuiteClient(NetSuiteConnection.of(account, auth, stateDirectory)
                .withBaseUrl(sandbox.baseUrl()).withRetryPolicy(FAST), HttpClient.newHttpClient(), Clock.systemUTC());
        source = new NetSuiteSource(client, SMALL);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static StreamDescriptor stream(String table) {
        return NetSuiteTables.named(table).orElseThrow();
    }

    private static ReadRequest request(String table, ReadMode mode, State state, Duration lookback) {
        return new ReadRequest(stream(table), List.of(), mode, state, Optional.empty(), lookback, Optional.empty());
    }

    private MergedTable read(ReadRequest request, MergedTable into) {
        try (BatchReader reader = source.read(request)) {
            Optional<Batch> batch;
            while ((batch = reader.next()).isPresent()) {
                into.apply(batch.get());
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return into;
    }

    private MergedTable fullRead(String table) {
        return read(request(table, ReadMode.FULL, State.EMPTY, Duration.ZERO),
                new MergedTable(stream(table).primaryKey()));
    }

    private long count(String sql) {
        return client.suiteQl().page(SuiteQlQuery.of(sql), 0, 1).rows().get(0).integer("n");
    }

    private String now() {
        return "TIMESTAMP '" + LocalDateTime.ofInstant(sandbox.clock().instant(), ZONE).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")) + "'";
    }

    @Test
    void shouldReadEveryRowOfATableExactlyOnceAndEndWithTheWatermark() {
        for (String table : List.of("customer", "transactionline")) {
            MergedTable full = fullRead(table);

            assertThat(full.upsertsOfKnownKeys()).as(table).isZero();
            assertThat((long) full.rows().size()).as(table).isEqualTo(count("SELECT COUNT(*) AS n FROM " + table));
            List<Batch> batches = full.batches();
            assertThat(batches.subList(0, batches.size() - 1)).allMatch(b -> b.stateAfter().equals(State.EMPTY))
                    .noneMatch(Batch::endsSnapshot);
            assertThat(batches.get(batches.size() - 1).endsSnapshot()).as("the last batch ends the snapshot").isTrue();
            assertThat(batches).allMatch(b -> b.size() <= SMALL.batchRows());
            assertThat(SourceState.watermark(full.state())).as(table).isPresent();
        }
    }

    @Test
    void shouldReadRangesInParallelWithinTheBudgetAndFasterThanOneWorker() throws Exception {
        fullRead("transactionline");
        sandbox.knobs().latency(Duration.ofMillis(150), Duration.ZERO);
        int budget = client.governance().budget().permits();

        long started = System.nanoTime();
        long sequentialRows = 0;
        try (SuiteQlRows rows = client.suiteQl().readByKeyset(SuiteQlSelect.from("transactionline",
                stream("transactionline").columns()), List.of("transaction", "id"), SMALL.pageRows())) {
            while (rows.hasNext()) {
                rows.next();
                sequentialRows++;
            }
        }
        Duration sequentialTime = Duration.ofNanos(System.nanoTime() - started);

        sandbox.stats().reset();
        started = System.nanoTime();
        MergedTable parallel = fullRead("transactionline");
        Duration parallelTime = Duration.ofNanos(System.nanoTime() - started);
        int peak = sandbox.stats().peakInFlight();

        assertThat(budget).isGreaterThan(1);
        assertThat(peak).isLessThanOrEqualTo(budget).isGreaterThan(1);
        assertThat((long) parallel.rows().size()).isEqualTo(sequentialRows);
        assertThat(parallelTime).isLessThan(sequentialTime.dividedBy(2));
    }

    @Test
    void shouldPickUpEditsNewRowsAndDeletesIncrementally() {
        MergedTable merged = fullRead("customer");
        sandbox.account().simulateActivity(80);

        int before = merged.batches().size();
        read(request("customer", ReadMode.INCREMENTAL, merged.state(), Duration.ofMinutes(5)), merged);

        assertThat(merged.batches().subList(before, merged.batches().size())).as("an incremental read is no snapshot")
                .noneMatch(Batch::endsSnapshot);
        assertThat(merged.rows()).isEqualTo(fullRead("customer").rows());
        assertThat(merged.batches()).anyMatch(b -> !b.deletedKeys().isEmpty());
    }

    @Test
    void shouldSplitATableIntoIdRangesThatTogetherHoldEveryRowOnceFullAndIncrementally() {
        MergedTable whole = fullRead("customer");
        long middle = count("SELECT MIN(id) + (MAX(id) - MIN(id)) / 2 AS n FROM customer");
        List<ReadRequest.IdRange> ranges = List.of(
                new ReadRequest.IdRange(OptionalLong.empty(), OptionalLong.of(middle)),
                new ReadRequest.IdRange(OptionalLong.of(middle), OptionalLong.empty()));
        List<MergedTable> parts = new ArrayList<>();
        for (ReadRequest.IdRange range : ranges) {
            parts.add(read(request("customer", ReadMode.FULL, State.EMPTY, Duration.ZERO).withIds(range),
                    new MergedTable(List.of("id"))));
        }
        assertThat(parts.get(0).rows().size() + parts.get(1).rows().size()).isEqualTo(whole.rows().size());
        parts.forEach(part -> assertThat(whole.rows()).containsAllEntriesOf(part.rows()));

        sandbox.clock().advance(Duration.ofMinutes(1));
        sandbox.account().simulateActivity(80);
        sandbox.clock().advance(Duration.ofMinutes(1));
        Map<String, List<Object>> now = fullRead("customer").rows();
        for (int i = 0; i < ranges.size(); i++) {
            MergedTable part = parts.get(i);
            ReadRequest.IdRange range = ranges.get(i);
            int before = part.batches().size();
            read(request("customer", ReadMode.INCREMENTAL, part.state(), Duration.ofMinutes(5)).withIds(range), part);

            assertThat(part.rows()).isEqualTo(now.entrySet().stream()
                    .filter(row -> range.contains(Long.parseLong(row.getKey().replaceAll("\\D", ""))))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
            assertThat(part.batches().subList(before, part.batches().size())).flatMap(Batch::deletedKeys)
                    .allMatch(key -> range.contains((Long) key.get(0)));
        }
    }

    @Test
    void shouldReadAgainWithinTheLookbackARowCommittedLateWithAnEarlierStamp() {
        MergedTable merged = fullRead("customer");
        Instant watermark = SourceState.watermark(merged.state()).orElseThrow();
        sandbox.clock().advance(Duration.ofMinutes(1));
        String early = "TIMESTAMP '" + LocalDateTime.ofInstant(watermark.minusSeconds(60), ZONE)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")) + "'";
        long late = merged.rows().keySet().stream().map(k -> Long.parseLong(k.replaceAll("\\D", ""))).min(Long::compare)
                .orElseThrow();
        sandbox.account().executeAdmin("UPDATE customer SET phone = 'late', lastmodifieddate = " + early
                + " WHERE id = " + late);
        sandbox.account().executeAdmin("UPDATE customer SET phone = 'new', lastmodifieddate = " + now()
                + " WHERE id = " + (late + 1));

        read(request("customer", ReadMode.INCREMENTAL, merged.state(), Duration.ofMinutes(5)), merged);

        assertThat(merged.rows().get("[" + late + "]")).contains("late");
        assertThat(merged.rows()).isEqualTo(fullRead("customer").rows());
    }

    @Test
    void shouldCostOneQueryWhenNothingChanged() {
        MergedTable merged = fullRead("customer");
        sandbox.clock().advance(Duration.ofMinutes(1));
        int batchesBefore = merged.batches().size();
        long requests = sandbox.stats().requests();

        read(request("customer", ReadMode.INCREMENTAL, merged.state(), Duration.ofMinutes(5)), merged);

        assertThat(sandbox.stats().requests() - requests).isEqualTo(1);
        List<Batch> batches = merged.batches().subList(batchesBefore, merged.batches().size());
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).isEmpty()).isTrue();
        assertThat(batches.get(0).stateAfter()).isEqualTo(merged.batches().get(batchesBefore - 1).stateAfter());
    }

    @Test
    void shouldRemoveLinesThatVanishedFromAChangedTransaction() {
        MergedTable lines = fullRead("transactionline");
        long order = count("SELECT MIN(transaction) AS n FROM transactionline WHERE id = 2");
        long lastLine = count("SELECT MAX(id) AS n FROM transactionline WHERE transaction = " + order);
        sandbox.clock().advance(Duration.ofMinutes(1));
        sandbox.account().executeAdmin("DELETE FROM transactionline WHERE transaction = " + order + " AND id = "
                + lastLine);
        sandbox.account().executeAdmin("UPDATE transaction SET lastmodifieddate = " + now() + " WHERE id = " + order);
        assertThat(lines.rows()).containsKey("[" + order + ", " + lastLine + "]");

        read(request("transactionline", ReadMode.INCREMENTAL, lines.state(), Duration.ofMinutes(5)), lines);

        assertThat(lines.rows()).doesNotContainKey("[" + order + ", " + lastLine + "]");
        assertThat(lines.rows()).isEqualTo(fullRead("transactionline").rows());
        assertThat(lines.batches()).filteredOn(b -> b.replaces().isPresent())
                .allMatch(b -> b.replaces().get().values().size() <= 1_000);
    }

    @Test
    void shouldRemoveEveryLineOfADeletedTransaction() {
        MergedTable lines = fullRead("transactionline");
        long order = count("SELECT MAX(transaction) AS n FROM transactionline");
        sandbox.clock().advance(Duration.ofMinutes(1));
        sandbox.account().executeAdmin("DELETE FROM transactionaccountingline WHERE transaction = " + order);
        sandbox.account().executeAdmin("DELETE FROM transactionline WHERE transaction = " + order);
        sandbox.account().executeAdmin("DELETE FROM transaction WHERE id = " + order);
        sandbox.account().executeAdmin("INSERT INTO deletedrecord (recordid, recordtypeid, type, name, deleteddate,"
                + " context, deletedby, iscustomrecord, iscustomlist) VALUES (" + order + ", -30, 'salesorder',"
                + " 'Sales Order', " + now() + ", 'UI', 1, 'F', 'F')");

        read(request("transactionline", ReadMode.INCREMENTAL, lines.state(), Duration.ofMinutes(5)), lines);

        assertThat(lines.rows().keySet()).noneMatch(key -> key.startsWith("[" + order + ","));
        assertThat(lines.rows()).isEqualTo(fullRead("transactionline").rows());
    }

    @Test
    void shouldKeepTransactionLinesEqualToTheAccountThroughSimulatedActivity() {
        MergedTable lines = fullRead("transactionline");
        for (int round = 0; round < 3; round++) {
            sandbox.clock().advance(Duration.ofMinutes(1));
            sandbox.account().simulateActivity(60);
            read(request("transactionline", ReadMode.INCREMENTAL, lines.state(), Duration.ofMinutes(5)), lines);
        }

        assertThat(lines.rows()).isEqualTo(fullRead("transactionline").rows());
    }

    @Test
    void shouldAppendStrictlyAfterTheSavedPositionWithoutRepeats() {
        ReadRequest append = request("transaction", ReadMode.INCREMENTAL, State.EMPTY, Duration.ofHours(1))
                .withOrdered(true);
        sandbox.clock().advance(Duration.ofSeconds(2));
        MergedTable everything = read(append, new MergedTable(List.of("id")));
        Batch middle = everything.batches().get(everything.batches().size() / 2);

        MergedTable resumed = read(append.withState(middle.stateAfter()), new MergedTable(List.of("id")));

        int before = 0;
        for (Batch batch : everything.batches()) {
            before += batch.size();
            if (batch == middle) {
                break;
            }
        }
        assertThat(everything.upsertsOfKnownKeys()).isZero();
        assertThat(resumed.upsertsOfKnownKeys()).isZero();
        assertThat((long) everything.rows().size()).isEqualTo(count("SELECT COUNT(*) AS n FROM transaction"));
        assertThat(resumed.rows().size()).isEqualTo(everything.rows().size() - before);
        assertThat(resumed.rows().keySet()).allMatch(everything.rows()::containsKey);
        assertThat(SourceState.positionId(resumed.state())).isPresent();
    }

    @Test
    void shouldBackfillOnlyTheWindowAndLeaveTheState() {
        MergedTable full = fullRead("customer");
        Instant to = SourceState.watermark(full.state()).orElseThrow().minus(Duration.ofDays(30));
        Instant from = to.minus(Duration.ofDays(60));
        State state = full.state();
        ReadRequest backfill = new ReadRequest(stream("customer"), List.of("email"), ReadMode.INCREMENTAL, state,
                Optional.empty(), Duration.ZERO, Optional.of(new ReadRequest.Window(from, to)));

        MergedTable window = read(backfill, new MergedTable(List.of("id")));

        assertThat(window.batches()).allMatch(b -> b.stateAfter().equals(state));
        int cursor = window.batches().get(0).schema().indexOf("lastmodifieddate");
        assertThat(window.rows().values()).isNotEmpty().allMatch(row -> {
            Instant at = (Instant) row.get(cursor);
            return !at.isBefore(from) && at.isBefore(to);
        });
        long expected = full.rows().values().stream().map(row -> (Instant) row.get(full.batches().get(0).schema()
                .indexOf("lastmodifieddate"))).filter(at -> at != null && !at.isBefore(from) && at.isBefore(to))
                .count();
        assertThat((long) window.rows().size()).isEqualTo(expected);
    }

    @Test
    void shouldRefuseAHostileFilterAndAnUnknownColumnBeforeAnyRequest() {
        client.governance();
        long requests = sandbox.stats().requests();
        ReadRequest hostile = new ReadRequest(stream("customer"), List.of(), ReadMode.FULL, State.EMPTY,
                Optional.of("1 = 1; DELETE FROM customer"), Duration.ZERO, Optional.empty());
        ReadRequest unknown = new ReadRequest(stream("customer"), List.of("emial"), ReadMode.FULL, State.EMPTY,
                Optional.empty(), Duration.ZERO, Optional.empty());

        assertThatThrownBy(() -> source.read(hostile)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(";");
        assertThatThrownBy(() -> source.read(unknown)).isInstanceOfSatisfying(ConfigurationException.class,
                e -> assertThat(e.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("email")));
        assertThat(sandbox.stats().requests()).isEqualTo(requests);
    }

    @Test
    void shouldReadOnlyTheRowsTheUsersFilterKeeps() {
        ReadRequest filtered = new ReadRequest(stream("customer"), List.of("isperson"), ReadMode.FULL, State.EMPTY,
                Optional.of("isperson = 'T'"), Duration.ZERO, Optional.empty());

        MergedTable people = read(filtered, new MergedTable(List.of("id")));

        assertThat((long) people.rows().size()).isEqualTo(count("SELECT COUNT(*) AS n FROM customer WHERE"
                + " isperson = 'T'"));
        assertThat(people.batches().get(0).schema().columns()).hasSize(3);
    }
}
