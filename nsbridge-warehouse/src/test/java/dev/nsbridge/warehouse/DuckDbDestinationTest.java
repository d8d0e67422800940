package dev.nsbridge.warehouse;

import static dev.nsbridge.warehouse.Scenarios.CUSTOMER;
import static dev.nsbridge.warehouse.Scenarios.batch;
import static dev.nsbridge.warehouse.Scenarios.customer;
import static dev.nsbridge.warehouse.Scenarios.customers;
import static dev.nsbridge.warehouse.Scenarios.watermark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.spi.destination.DestinationWriter;
import dev.nsbridge.spi.destination.LoadMethod;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.warehouse.duckdb.DuckDbDestination;
import dev.nsbridge.warehouse.duckdb.DuckDbSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DuckDbDestinationTest {
    @TempDir
    Path directory;

    @Test
    void shouldCreateTheFileAndItsDirectory() {
        Path file = directory.resolve("deep/er/warehouse.duckdb");
        try (DuckDbDestination destination = new DuckDbDestination(new DuckDbSettings(file));
             DestinationWriter writer = destination.open(customers(LoadMethod.APPEND))) {
            writer.write(batch(CUSTOMER, watermark(1), customer(1, "Ann", "1")));
        }

        assertThat(file).exists();
    }

    @Test
    void shouldRefuseADirectoryAsTheFileNamingTheSetting() throws Exception {
        Files.createDirectories(directory.resolve("dir"));
        DuckDbDestination destination = new DuckDbDestination(new DuckDbSettings(directory.resolve("dir")));

        assertThatThrownBy(() -> destination.open(customers(LoadMethod.APPEND)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining(DuckDbSettings.FILE_SETTING);
    }

    @Test
    void shouldRefuseAMissingFileSetting() {
        assertThatThrownBy(() -> DuckDbSettings.of(" ")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("path");
    }
}
