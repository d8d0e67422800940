package dev.nsbridge.netsuite.suiteql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.netsuite.NetSuiteAccountId;
import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.NetSuiteConnection;
import dev.nsbridge.netsuite.governance.GovernanceLimits;
import dev.nsbridge.netsuite.http.RetryPolicy;
import dev.nsbridge.netsuite.testing.FakeLineTable;
import dev.nsbridge.netsuite.testing.FakeNetSuite;
import dev.nsbridge.netsuite.testing.FakeNetSuite.Answer;
import dev.nsbridge.netsuite.testing.FixedAuth;
import dev.nsbridge.netsuite.testing.RecordingSleeper;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class KeysetReaderTest {
    private static final List<Column> COLUMNS = List.of(new Column("transaction", ColumnType.INTEGER),
            new Column("id", ColumnType.INTEGER), new Column("memo", ColumnType.STRING));
    private static final List<String> KEY = List.of("transaction", "id");

    @TempDir
    Path state;
    private FakeNetSuite server;

    @AfterEach
    void stop() {
        server.close();
    }

    private SuiteQl suiteQl(Function<FakeNetSuite.Seen, Answer> table) throws Exception {
        server = new FakeNetSuite(request -> request.path().equals(GovernanceLimits.PATH)
                ? Answer.json(200, "{\"accountConcurrencyLimit\":5,\"integrationLimitType\":\"accountLimit\"}")
                : table.apply(request));
        NetSuiteConnection connection = NetSuiteConnection.of(NetSuiteAccountId.parse("1234567"), new FixedAuth(), state)
                .withBaseUrl(server.baseUrl())
                .withRetryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)));
        return new NetSuiteClient(connection, HttpClient.newHttpClient(), Clock.systemUTC(), new RecordingSleeper(),
                new Random(1)).suiteQl();
    }

    @Test
    void shouldReadACompositeKeyPastTheOffsetCapEveryRowOnce() throws Exception {
        FakeLineTable table = new FakeLineTable(1_100, 100);
        SuiteQl suiteQl = suiteQl(table::answer);
        Set<String> seen = new HashSet<>();

        try (SuiteQlRows rows = suiteQl.readByKeyset(SuiteQlSelect.from("transactionline", COLUMNS), KEY, 1000)) {
            while (rows.hasNext()) {
                SuiteQlRow row = rows.next();
                assertThat(seen.add(row.string("transaction") + "/" + row.string("id"))).isTrue();
            }
        }

        assertThat(seen).hasSize(110_000);
        assertThat(server.requests()).allSatisfy(r -> {
            if (r.path().endsWith("suiteql")) {
                assertThat(r.query()).endsWith("offset=0");
            }
        });
    }

    @Test
    void shouldReadOnlyTheLeadingKeyRangeItWasGiven() throws Exception {
        SuiteQl suiteQl = suiteQl(new FakeLineTable(50, 7)::answer);
        Set<Long> transactions = new HashSet<>();
        long count = 0;

        try (SuiteQlRows rows = suiteQl.readByKeyset(SuiteQlSelect.from("transactionline", COLUMNS)
                .range("transaction", 10, 20), KEY, 5)) {
            while (rows.hasNext()) {
                transactions.add(rows.next().integer("transaction"));
                count++;
            }
        }

        assertThat(transactions).hasSize(10).allSatisfy(t -> assertThat(t).isBetween(10L, 19L));
        assertThat(count).isEqualTo(70);
    }

    @Test
    void shouldFetchOnlyABoundedNumberOfPagesAheadOfTheReader() throws Exception {
        SuiteQl suiteQl = suiteQl(new FakeLineTable(1_000, 100)::answer);

        try (SuiteQlRows rows = suiteQl.readByKeyset(SuiteQlSelect.from("transactionline", COLUMNS), KEY, 100)) {
            rows.next();
            Thread.sleep(300);
            long pageRequests = server.requests().stream().filter(r -> r.path().endsWith("suiteql")).count();
            // One page being read, two queued, one fetched and waiting for room.
            assertThat(pageRequests).isLessThanOrEqualTo(NetSuiteClient.PAGES_AHEAD + 2);
        }
    }

    @Test
    void shouldRefuseAQueryOverTheOffsetCapBeforePassingOnARow() throws Exception {
        SuiteQl suiteQl = suiteQl(new FakeLineTable(1_100, 100)::answer);

        try (SuiteQlRows rows = suiteQl.readByOffset(SuiteQlQuery.of("SELECT transaction, id FROM transactionline"),
                1000)) {
            assertThatThrownBy(() -> {
                while (rows.hasNext()) {
                    rows.next();
                }
            }).isInstanceOfSatisfying(ConfigurationException.class,
                    e -> assertThat(e.code()).isEqualTo("RESULT_OVER_100000_ROWS"));
            assertThat(rows.rowsRead()).isZero();
        }
    }

    @Test
    void shouldRefuseToSilentlyStopWhereNetSuiteEndsAQueryAtTheCap() throws Exception {
        // As the sandbox answers a query past the cap: its first 100,000 rows, then hasMore false.
        int cap = SuiteQl.OFFSET_CAP;
        SuiteQl suiteQl = suiteQl(request -> {
            Matcher paging = Pattern.compile("limit=(\\d+)&offset=(\\d+)").matcher(request.query());
            assertThat(paging.find()).isTrue();
            int limit = Integer.parseInt(paging.group(1));
            int offset = Integer.parseInt(paging.group(2));
            int count = Math.min(limit, cap - offset);
            String items = IntStream.rangeClosed(offset + 1, offset + count)
                    .mapToObj(id -> "{\"links\":[],\"id\":\"" + id + "\"}").collect(Collectors.joining(","));
            return Answer.json(200, "{\"links\":[],\"count\":" + count + ",\"hasMore\":" + (offset + count < cap)
                    + ",\"items\":[" + items + "],\"offset\":" + offset + ",\"totalResults\":" + cap + "}");
        });

        try (SuiteQlRows rows = suiteQl.readByOffset(SuiteQlQuery.of("SELECT id FROM transaction ORDER BY id"), 1000)) {
            assertThatThrownBy(() -> {
                while (rows.hasNext()) {
                    rows.next();
                }
            }).isInstanceOfSatisfying(ConfigurationException.class,
                    e -> assertThat(e.code()).isEqualTo("RESULT_OVER_100000_ROWS"));
        }
    }
}
