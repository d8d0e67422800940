package dev.nsbridge.warehouse.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.spi.connection.CheckResult;
import dev.nsbridge.spi.connection.ConnectionContext;
import dev.nsbridge.spi.connection.ConnectionType;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warehouse module's connection types as the program finds them, and DuckDB's check, which leaves no trace. */
final class DuckDbConnectionTypeTest {
    @TempDir
    Path folder;

    private ConnectionContext context(String path) {
        return new ConnectionContext("warehouse", DuckDbConnectionType.DEFINITION.parse(Map.of("path", path))
                .orThrow(), HttpClient.newHttpClient(), Clock.systemUTC(), folder, folder.resolve("host"),
                Optional.empty());
    }

    @Test
    void shouldBeFoundByTheServiceLoaderBesidePostgres() {
        assertThat(ServiceLoader.load(ConnectionType.class).stream().map(provider -> provider.get().name()))
                .containsExactly("duckdb", "postgres");
    }

    @Test
    void shouldPassAFileNotMadeYetWithoutMakingItOrItsFolder() {
        CheckResult result = new DuckDbConnectionType().check(context("lake/new.duckdb"));

        assertThat(result.passed()).as(result.text()).isTrue();
        assertThat(result.text()).contains(folder.resolve("lake/new.duckdb").toString(), "does not exist yet");
        assertThat(folder.resolve("lake")).doesNotExist();
    }

    @Test
    void shouldOpenAnExistingFileAndNameTheDatabase() throws Exception {
        try (Connection made = DriverManager.getConnection("jdbc:duckdb:" + folder.resolve("old.duckdb"))) {
            made.createStatement().execute("CREATE TABLE kept (id INTEGER)");
        }

        CheckResult result = new DuckDbConnectionType().check(context("old.duckdb"));

        assertThat(result.passed()).as(result.text()).isTrue();
        assertThat(result.details().get("detail").toString()).startsWith("connected to DuckDB");
    }

    @Test
    void shouldFailWhenTheFolderCannotBeWrittenNamingTheFix() throws Exception {
        Files.writeString(folder.resolve("plain-file"), "not a folder");

        CheckResult result = new DuckDbConnectionType().check(context("plain-file/new.duckdb"));

        assertThat(result.passed()).isFalse();
        assertThat(result.details()).containsEntry("fix", "point path at a writable folder");
        assertThat(result.text()).contains("[failed ]", "fix: point path at a writable folder");
    }
}
