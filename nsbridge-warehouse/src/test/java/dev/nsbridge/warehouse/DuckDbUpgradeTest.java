package dev.nsbridge.warehouse;

import static dev.nsbridge.warehouse.Scenarios.CUSTOMER;
import static dev.nsbridge.warehouse.Scenarios.batch;
import static dev.nsbridge.warehouse.Scenarios.customer;
import static dev.nsbridge.warehouse.Scenarios.customers;
import static dev.nsbridge.warehouse.Scenarios.watermark;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.spi.destination.LoadMethod;
import dev.nsbridge.spi.destination.WriteRequest;
import dev.nsbridge.spi.state.State;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A warehouse file written by the DuckDB nsbridge used before (1.1.3, fetched by the build into
 * target/previous-duckdb) keeps working: the previous DuckDB writes it in its own JVM, this one merges into it.
 */
@ExtendWith(Warehouses.class)
final class DuckDbUpgradeTest {
    private static final Path PREVIOUS_DRIVER = Path.of("target", "previous-duckdb", "duckdb_jdbc-previous.jar");

    @TempDir
    Path directory;

    @Test
    void shouldGoOnLoadingAFileThePreviousDuckDbWrote(TestWarehouse.Factory warehouses) throws Exception {
        Path file = directory.resolve("data/warehouse.duckdb");
        Files.createDirectories(file.getParent());
        String previousVersion = writeWithThePreviousDuckDb(file);
        TestWarehouse warehouse = warehouses.open(Engine.DUCKDB, directory);
        WriteRequest request = customers(LoadMethod.MERGE);

        State resumed = warehouse.committedState(request);
        warehouse.run(request, batch(CUSTOMER, watermark(2), customer(2, "山田 花子", "21"), customer(3, "Ann", "3")));

        assertThat(previousVersion).isEqualTo("v1.1.3");
        assertThat(resumed).isEqualTo(State.EMPTY.with("watermark", 1L));
        assertThat(warehouse.rows("SELECT id, name, balance FROM customer ORDER BY id"))
                .containsExactly("1|José Müller|10.5", "2|山田 花子|21", "3|Ann|3");
        assertThat(warehouse.committedState(request)).isEqualTo(watermark(2));
    }

    /** Runs PreviousDuckDbWriter on the previous driver in a child JVM; answers the DuckDB version it reports. */
    private static String writeWithThePreviousDuckDb(Path file) throws IOException, InterruptedException,
            URISyntaxException {
        assertThat(PREVIOUS_DRIVER).as("the build copies the previous DuckDB driver here").exists();
        Path program = Path.of(DuckDbUpgradeTest.class.getResource("PreviousDuckDbWriter.java").toURI());
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", PREVIOUS_DRIVER.toAbsolutePath().toString(), program.toString(), file.toString())
                .redirectErrorStream(true).start();
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("the previous DuckDB finished").isTrue();
        List<String> output = List.of(new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .strip().split("\n"));
        assertThat(child.exitValue()).as(String.join("\n", output)).isZero();
        return output.get(output.size() - 1).strip();
    }
}
