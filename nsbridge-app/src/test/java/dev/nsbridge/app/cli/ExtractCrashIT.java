package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.app.Main;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code nsbridge run} at random moments, again and again while NetSuite keeps changing, then lets one run
 * finish: the warehouse must then equal NetSuite exactly. Merge tables hold every live key once and no other;
 * the append table holds every row once.
 */
final class ExtractCrashIT {
    private static final int KILLS = 10;
    private static final String EXTRACTS = """
            customer:
              connection: netsuite
              table: customer
              mode: incremental
              load_method: merge
              destination: warehouse
            transactionline:
              connection: netsuite
              table: transactionline
              mode: incremental
              load_method: merge
              destination: warehouse
            systemnote:
              connection: netsuite
              table: systemnote
              mode: incremental
              load_method: append
              destination: warehouse
            """;

    private static NetSuiteSandbox sandbox;

    /** Kept when the test fails: the warehouse and every run's log, for the post-mortem. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path folder;

    @BeforeAll
    static void startSandbox() {
        sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.3));
        // Slow enough that a kill lands inside a read or a write, not only before or after one.
        sandbox.knobs().latency(Duration.ofMillis(25), Duration.ZERO);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void shouldEqualTheSourceExactlyAfterRunsKilledAtRandomMoments() throws Exception {
        Path config = SandboxConfig.write(folder, sandbox, EXTRACTS);
        Random random = new Random(20261123);
        int killedMidRun = 0;
        for (int attempt = 0; attempt < KILLS; attempt++) {
            Process run = start(config, "run-" + attempt + ".log");
            boolean finished = run.waitFor(300 + random.nextInt(3_500), TimeUnit.MILLISECONDS);
            if (!finished) {
                run.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                killedMidRun++;
            }
            sandbox.account().simulateActivity(15);
        }
        // Append reads stop before NetSuite's current second; let the last changes fall behind it.
        Thread.sleep(1_500);
        Process last = start(config, "run-final.log");
        assertThat(last.waitFor(5, TimeUnit.MINUTES)).as("the final run finishes").isTrue();

        assertThat(last.exitValue()).as(Files.readString(folder.resolve("run-final.log")) + "\nrefused logins: "
                + sandbox.stats().loginAuditTrail().stream().filter(login -> !login.accepted()).toList()).isZero();
        assertThat(killedMidRun).as("runs killed before they finished").isGreaterThanOrEqualTo(KILLS / 2);
        try (Connection warehouse = DriverManager.getConnection("jdbc:duckdb:" + folder.resolve("warehouse.duckdb"))) {
            assertThat(keys(warehouse, "SELECT id FROM customer WHERE NOT coalesce(_nsbridge_deleted, false)"))
                    .containsExactlyInAnyOrderElementsOf(source("SELECT id FROM customer"));
            assertThat(keys(warehouse, "SELECT transaction || ':' || id FROM transactionline"
                    + " WHERE NOT coalesce(_nsbridge_deleted, false)"))
                    .containsExactlyInAnyOrderElementsOf(source("SELECT transaction || ':' || id AS k"
                            + " FROM transactionline"));
            assertThat(keys(warehouse, "SELECT id FROM systemnote"))
                    .containsExactlyInAnyOrderElementsOf(source("SELECT id FROM systemnote"));
        }
    }

    /** A run in its own JVM, its output kept in {@code log} beside the warehouse for a failure's post-mortem. */
    private Process start(Path config, String log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
                "--config", config.toString()).redirectErrorStream(true)
                .redirectOutput(folder.resolve(log).toFile()).start();
    }

    /** Every key the query returns; a key twice fails, since a merge table must never hold a duplicate. */
    private static List<String> keys(Connection warehouse, String sql) throws Exception {
        List<String> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (Statement statement = warehouse.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String key = rows.getString(1);
                assertThat(seen.add(key)).as("%s holds %s once", sql, key).isTrue();
                keys.add(key);
            }
        }
        return keys;
    }

    private static List<String> source(String suiteQl) throws Exception {
        List<String> keys = new ArrayList<>();
        for (Map<String, String> item : sandbox.account().query(suiteQl, List.of(), 0, 10_000_000).items()) {
            keys.add(item.values().iterator().next());
        }
        return keys;
    }
}
