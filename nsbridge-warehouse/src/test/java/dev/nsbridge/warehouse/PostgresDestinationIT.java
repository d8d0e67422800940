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
import dev.nsbridge.spi.destination.WriteRequest;
import dev.nsbridge.spi.errors.AuthenticationException;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.errors.NsbridgeException;
import dev.nsbridge.spi.errors.TransientException;
import dev.nsbridge.spi.secret.Secret;
import dev.nsbridge.testsupport.PostgresServer;
import dev.nsbridge.warehouse.postgres.PostgresDestination;
import dev.nsbridge.warehouse.postgres.PostgresSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(Warehouses.class)
final class PostgresDestinationIT {
    private static final String WRONG_PASSWORD = "wrong-password-that-must-not-leak";

    @TempDir
    Path directory;

    @Test
    void shouldRefuseBadCredentialsWithAFixAndWithoutThePassword(TestWarehouse.Factory warehouses) {
        PostgresSettings good = warehouses.postgresSettings();
        PostgresDestination destination = new PostgresDestination(
                new PostgresSettings(good.url(), good.user(), Secret.of(WRONG_PASSWORD)));

        assertThatThrownBy(() -> destination.open(customers(LoadMethod.MERGE)))
                .isInstanceOf(AuthenticationException.class)
                .satisfies(e -> {
                    assertThat(((NsbridgeException) e).fix()).hasValueSatisfying(fix -> assertThat(fix)
                            .contains("password"));
                    assertThat(stackTrace(e)).doesNotContain(WRONG_PASSWORD);
                });
    }

    @Test
    void shouldReportAServerThatIsDownAsTransient() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PostgresDestination destination = new PostgresDestination(new PostgresSettings(
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/nothing", "someone", Secret.of(WRONG_PASSWORD)));

        assertThatThrownBy(() -> destination.open(customers(LoadMethod.APPEND)))
                .isInstanceOf(TransientException.class)
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain(WRONG_PASSWORD));
    }

    @Test
    void shouldRefuseSettingsThatAreNotAPostgresUrlNamingTheSetting() {
        assertThatThrownBy(() -> new PostgresSettings("jdbc:mysql://db/x", "me", Secret.of("p")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("url");
        assertThatThrownBy(() -> new PostgresSettings("jdbc:postgresql://db/x?password=p", "me", Secret.of("p")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("password");
    }

    @Test
    void shouldNeverPrintThePassword() {
        PostgresSettings settings = new PostgresSettings("jdbc:postgresql://db/x?ssl=true", "me",
                Secret.of(WRONG_PASSWORD));

        assertThat(settings.toString()).doesNotContain(WRONG_PASSWORD).contains("[hidden]");
        assertThat(new PostgresDestination(settings).toString()).doesNotContain(WRONG_PASSWORD);
    }

    @Test
    void shouldRefuseToDropATableViewsDependOnAndKeepIt(TestWarehouse.Factory warehouses) {
        TestWarehouse warehouse = warehouses.open(Engine.POSTGRES, directory);
        WriteRequest request = customers(LoadMethod.DROP_CREATE_LOAD);
        warehouse.run(request, batch(CUSTOMER, watermark(1), customer(1, "Ann", "1")));
        warehouse.execute("CREATE VIEW names AS SELECT name FROM customer");

        assertThatThrownBy(() -> warehouse.run(request, batch(CUSTOMER, watermark(2), customer(2, "Bob", "2"))))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((NsbridgeException) e).fix()).hasValueSatisfying(fix -> assertThat(fix)
                        .contains("truncate_load")));
        assertThat(warehouse.rows("SELECT name FROM names")).containsExactly("Ann");
        assertThat(warehouse.committedState(request)).isEqualTo(watermark(1));
    }

    @Test
    void shouldCommitNothingOfABatchWhoseConnectionWasKilled(TestWarehouse.Factory warehouses,
                                                              PostgresServer server) throws Exception {
        TestWarehouse warehouse = warehouses.open(Engine.POSTGRES, directory);
        WriteRequest request = customers(LoadMethod.MERGE);
        try (DestinationWriter writer = warehouse.destination().open(request)) {
            writer.write(batch(CUSTOMER, watermark(1), customer(1, "Ann", "1")));
            server.superuser("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '"
                    + PostgresServer.USER + "'");

            assertThatThrownBy(() -> writer.write(batch(CUSTOMER, watermark(2), customer(2, "Bob", "2"))))
                    .isInstanceOf(TransientException.class);
        }

        assertThat(warehouse.rows("SELECT id FROM customer")).containsExactly("1");
        assertThat(warehouse.committedState(request)).isEqualTo(watermark(1));
    }

    private static String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
