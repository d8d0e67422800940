package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.app.Workspace;
import dev.nsbridge.app.connect.ConnectionTypes;
import dev.nsbridge.app.connect.FakeConnectionType;
import dev.nsbridge.engine.config.ConfigIssue;
import dev.nsbridge.engine.config.ConfigReport;
import dev.nsbridge.spi.connection.ConnectionType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A system added as a plugin and nothing more: {@link FakeConnectionType} and its line in the test resources'
 * {@code META-INF/services}. The configuration loads and checks its keys, {@code nsbridge check} runs its check,
 * and {@code nsbridge run} reads its table into DuckDB.
 */
final class ConnectionTypePluginTest {
    private static final String TOKEN = "widget-token-5f1c9e";

    @TempDir
    Path folder;

    private Path write(String shop, String extracts) throws Exception {
        return Files.writeString(folder.resolve("nsbridge.yaml"), """
                connections:
                  shop:
                    type: fake
                    token: "%s"
                %s
                  warehouse:
                    type: duckdb
                    path: warehouse.duckdb
                %s
                """.formatted(EncryptedValue.of("connections.shop.token", TOKEN), shop.indent(4).stripTrailing(),
                extracts));
    }

    private static final String WIDGET_EXTRACT = """
            extracts:
              widget:
                connection: shop
                table: widget
                destination: warehouse
                mode: full
                load_method: truncate_load
            """;

    @Test
    void shouldLoadAConnectionOfATypeFoundOnTheClassPathWithItsKeysParsed() throws Exception {
        Workspace workspace = Workspace.open(write("widgets: 7", ""), System::getenv, Clock.systemUTC());

        assertThat(workspace.connection("shop").type()).isEqualTo(FakeConnectionType.NAME);
        assertThat(workspace.connection("shop").values().get(FakeConnectionType.WIDGETS)).isEqualTo(7);
        assertThat(workspace.connection("shop").values().get(FakeConnectionType.TOKEN).reveal()).isEqualTo(TOKEN);
    }

    @Test
    void shouldRefuseKeysTheTypeDoesNotDeclareOrCannotParse() throws Exception {
        ConfigReport report = Workspace.check(write("widgets: many\ncolour: blue", ""), System::getenv);

        assertThat(report.errors()).extracting(ConfigIssue::path)
                .contains("connections.shop.widgets", "connections.shop.colour");
    }

    @Test
    void shouldRunTheTypesOwnCheckAndSayWhatFailed() throws Exception {
        Path reachable = write("widgets: 2", "");
        Commands.Outcome passed = Commands.run("check", "--config", reachable.toString());
        Path unreachable = write("reachable: false", "");
        Commands.Outcome failed = Commands.run("check", "--config", unreachable.toString(), "--connection", "shop");

        assertThat(passed.code()).as(passed.all()).isZero();
        assertThat(passed.out()).contains("connection shop (fake): passed", "token accepted; 2 widgets on offer");
        assertThat(failed.code()).as(failed.all()).isEqualTo(ExitCodes.FAILED);
        assertThat(failed.out()).contains("connection shop (fake): FAILED", "the widget service did not answer",
                "fix: set reachable: true");
        assertThat(passed.all() + failed.all()).doesNotContain(TOKEN);
    }

    @Test
    void shouldAnswerTheTypesCheckAsJsonForScripts() throws Exception {
        Path unreachable = write("reachable: false", "");

        Commands.Outcome outcome = Commands.run("check", "--config", unreachable.toString(), "--connection", "shop",
                "--json");

        JsonNode shop = new ObjectMapper().readTree(outcome.out()).path("connections").get(0);
        assertThat(shop.path("connection").asText()).isEqualTo("shop");
        assertThat(shop.path("type").asText()).isEqualTo(FakeConnectionType.NAME);
        assertThat(shop.path("passed").asBoolean()).isFalse();
        assertThat(shop.path("detail").asText()).isEqualTo("the widget service did not answer");
        assertThat(shop.path("fix").asText()).isEqualTo("set reachable: true");
    }

    @Test
    void shouldExtractTheTypesTableIntoDuckDb() throws Exception {
        Path config = write("widgets: 5", WIDGET_EXTRACT);

        Commands.Outcome run = Commands.run("run", "--config", config.toString());

        assertThat(run.code()).as(run.all()).isZero();
        List<List<Object>> landed = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + folder.resolve("warehouse.duckdb"));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, name FROM widget ORDER BY id")) {
            while (rows.next()) {
                landed.add(List.of(rows.getLong(1), rows.getString(2)));
            }
        }
        assertThat(landed).isEqualTo(FakeConnectionType.widgets(5).stream().map(List::of).toList());
        assertThat(run.all()).doesNotContain(TOKEN);
    }

    @Test
    void shouldNameEveryKnownTypeWhenATypeIsUnknown() throws Exception {
        Files.writeString(folder.resolve("nsbridge.yaml"), """
                connections:
                  shop:
                    type: abacus
                """);

        ConfigReport report = Workspace.check(folder.resolve("nsbridge.yaml"), System::getenv);

        List<String> known = ConnectionTypes.installed().all().stream().map(ConnectionType::name).toList();
        assertThat(known).contains(FakeConnectionType.NAME, "netsuite", "klaviyo", "duckdb", "postgres");
        assertThat(report.errors()).singleElement().satisfies(issue -> {
            assertThat(issue.message()).contains("'abacus' is not a connection type");
            assertThat(issue.fix()).isEqualTo("write one of " + String.join(", ", known));
        });
    }
}
