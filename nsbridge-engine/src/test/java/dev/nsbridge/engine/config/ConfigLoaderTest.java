package dev.nsbridge.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.config.ConfigKey;
import dev.nsbridge.spi.config.Validators;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.secret.Secret;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ConfigLoaderTest {
    static final ConfigKey<String> ACCOUNT = ConfigKey.string("account", "The account id.").required();
    static final ConfigKey<Secret> TOKEN = ConfigKey.secret("token", "The access token.").required();
    static final ConfigKey<Integer> CONCURRENCY = ConfigKey.integer("concurrency", "Parallel requests.")
            .withDefault(5).validatedBy(Validators.atLeast(1));
    static final ConfigKey<String> FILE = ConfigKey.string("file", "The database file.").required();
    static final ConfigKey<Boolean> CONSENT = ConfigKey.bool("require_consent", "Only opted-in.").withDefault(true);
    static final ConfigKey<String> LIST_ID = ConfigKey.string("list_id", "Where profiles go.").required();

    static final ComponentRegistry REGISTRY = ComponentRegistry.builder()
            .connection("source_system", "A system to read from.", ConfigDef.of(ACCOUNT, TOKEN, CONCURRENCY))
            .connection("warehouse", "A database file.", ConfigDef.of(FILE))
            .flow("customer_profiles", "Customers as profiles.", ConfigDef.of(CONSENT, LIST_ID))
            .build();

    static final Map<String, String> ENVIRONMENT = Map.of("SRC_TOKEN", "tok-very-secret-123", "ACCOUNT_ID", "4711");

    static final String VALID = """
            connections:
              src:
                type: source_system
                account: ${ACCOUNT_ID}
                token: ${SRC_TOKEN}
              dwh:
                type: warehouse
                file: data.db
            extracts:
              orders:
                connection: src
                table: transaction
                destination: dwh
            flows:
              profiles:
                type: customer_profiles
                source: src
                destination: dwh
                settings:
                  list_id: L1
            """;

    private static ConfigReport check(String yaml) {
        return new ConfigLoader(REGISTRY, ENVIRONMENT::get).check(Path.of("/configs/nsbridge.yaml"), yaml);
    }

    private static List<String> errors(String yaml) {
        return check(yaml).errors().stream().map(ConfigIssue::render).toList();
    }

    @Test
    void shouldLoadAValidFileAndResolveEnvironmentReferences() {
        ConfigReport report = check(VALID);

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        NsbridgeConfig config = report.orThrow();
        ConnectionConfig src = config.connections().get("src");
        assertThat(src.type()).isEqualTo("source_system");
        assertThat(src.values().get(ACCOUNT)).isEqualTo("4711");
        assertThat(src.values().get(TOKEN).reveal()).isEqualTo("tok-very-secret-123");
        assertThat(config.flows().get("profiles").settings().get(LIST_ID)).isEqualTo("L1");
    }

    @Test
    void shouldNameTheKeyTheLineAndTheFix() {
        String yaml = VALID.replace("    destination: dwh\nflows", "    destination: dwh\n    load_method: upsert\nflows");

        assertThat(errors(yaml)).containsExactly("nsbridge.yaml line 14: extracts.orders.load_method: 'upsert' is not"
                + " one of drop_create_load, truncate_load, append, merge; write one of drop_create_load,"
                + " truncate_load, append, merge");
    }

    @Test
    void shouldSuggestTheClosestKeyForAMisspeltOne() {
        String yaml = VALID.replace("    table: transaction", "    tabel: transaction\n    lod_method: merge");

        assertThat(errors(yaml)).contains(
                "nsbridge.yaml line 12: extracts.orders.tabel: is not a known key; did you mean table?",
                "nsbridge.yaml line 13: extracts.orders.lod_method: is not a known key; did you mean load_method?");
    }

    @Test
    void shouldRejectAnUnknownTopLevelKeyWithASuggestion() {
        assertThat(errors(VALID + "extract:\n  x: {}\n"))
                .containsExactly("nsbridge.yaml line 21: extract: is not a known section; did you mean extracts?");
    }

    @Test
    void shouldReportAValueOfTheWrongType() {
        String yaml = VALID.replace("    token: ${SRC_TOKEN}", "    token: ${SRC_TOKEN}\n    concurrency: lots");

        assertThat(errors(yaml)).containsExactly("nsbridge.yaml line 6: connections.src.concurrency: 'lots' is not"
                + " a whole number; write digits only, e.g. 100");
    }

    @Test
    void shouldReportAMissingRequiredKeyAtItsEntry() {
        String yaml = VALID.replace("    destination: dwh\nflows", "flows");

        assertThat(errors(yaml)).containsExactly("nsbridge.yaml line 10: extracts.orders.destination: is required"
                + " and missing; add destination: <text> (The connection to write to: a name under connections)");
    }

    @Test
    void shouldNameAnUnsetEnvironmentVariable() {
        String yaml = VALID.replace("${ACCOUNT_ID}", "${MISSING_ACCOUNT}");

        assertThat(errors(yaml)).containsExactly("nsbridge.yaml line 4: connections.src.account: refers to"
                + " environment variable MISSING_ACCOUNT, which is not set; set it before starting nsbridge,"
                + " e.g. export MISSING_ACCOUNT=...");
    }

    @Test
    void shouldReportABadDurationAndABadCron() {
        String yaml = VALID.replace("    destination: dwh\nflows",
                "    destination: dwh\n    lookback: 10 minutes\n    schedule: every hour\nflows");

        assertThat(errors(yaml)).containsExactly(
                "nsbridge.yaml line 14: extracts.orders.lookback: '10 minutes' is not a duration; write a number"
                        + " with a unit: 500ms, 30s, 10m, 2h or 1d",
                "nsbridge.yaml line 15: extracts.orders.schedule: 'every hour' is not a five-field cron expression"
                        + " (minute hour day-of-month month day-of-week); write e.g. '0 * * * *' for hourly or"
                        + " '*/15 * * * *' for every 15 minutes");
    }

    @Test
    void shouldReportEveryErrorAtOnce() {
        String yaml = """
                connections:
                  src:
                    type: source_sytem
                extracts:
                  orders:
                    connection: scr
                    destination: dwh
                    mode: sometimes
                flows:
                  profiles:
                    type: customer_profiles
                    source: src
                    destination: src
                """;

        assertThat(errors(yaml)).containsExactly(
                "nsbridge.yaml line 3: connections.src.type: 'source_sytem' is not a connection type; did you mean"
                        + " source_system?",
                "nsbridge.yaml line 5: extracts.orders: gives neither table nor query; add table: <name> or"
                        + " query: <query>",
                "nsbridge.yaml line 6: extracts.orders.connection: 'scr' is not a connection; did you mean src?",
                "nsbridge.yaml line 7: extracts.orders.destination: 'dwh' is not a connection; write one of src,"
                        + " or add it under connections:",
                "nsbridge.yaml line 8: extracts.orders.mode: 'sometimes' is not one of full, incremental; write one"
                        + " of full, incremental",
                "nsbridge.yaml line 10: flows.profiles.settings.list_id: is required and missing; add list_id:"
                        + " <text> (Where profiles go)");
        assertThatThrownBy(() -> check(yaml).orThrow()).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("6 errors in the configuration:\nnsbridge.yaml line 3:");
    }

    @Test
    void shouldRequireAnIncrementalKeyAndAUniqueKeyForAQuery() {
        String yaml = VALID.replace("    table: transaction", "    query: SELECT id FROM things");

        assertThat(errors(yaml)).containsExactly(
                "nsbridge.yaml line 10: extracts.orders.incremental_key: is required for a query read"
                        + " incrementally; add incremental_key: <the column that says when a row changed>, or mode: full",
                "nsbridge.yaml line 10: extracts.orders.unique_key: is required for a query; add"
                        + " unique_key: [<the columns that identify a row>]; nsbridge reads the query in its order");
    }

    @Test
    void shouldRequireAUniqueKeyForAQueryReadInFullAndTruncated() {
        String yaml = VALID.replace("    table: transaction", "    query: SELECT id FROM things\n    mode: full\n"
                + "    load_method: truncate_load");

        assertThat(errors(yaml)).singleElement().asString().contains("extracts.orders.unique_key: is required for a"
                + " query");
    }

    @Test
    void shouldReportAKeyWrittenTwice() {
        String yaml = VALID.replace("    table: transaction", "    table: transaction\n    table: customer");

        assertThat(errors(yaml)).containsExactly(
                "nsbridge.yaml line 13: extracts.orders.table: appears twice (first on line 12); keep one of them");
    }

    @Test
    void shouldReportInvalidYamlWithItsLine() {
        assertThat(check("connections:\n  src: [a, b\nextracts: {}\n").errors()).singleElement()
                .satisfies(issue -> {
                    assertThat(issue.path()).isEqualTo("(syntax)");
                    assertThat(issue.line()).isPositive();
                });
    }

    @Test
    void shouldRefuseAnEmptyFileSayingWhatIsMissing() {
        assertThat(errors("")).containsExactly("nsbridge.yaml line 1: connections: is missing: the file is empty;"
                + " add connections: with the systems to read and write, then extracts: or flows: that use them"
                + " (nsbridge init writes a commented example)");
        assertThat(errors("state:\n  path: nb.db\n")).singleElement().asString().contains("connections: is missing");
    }

    @Test
    void shouldKeepStateBesideTheFileByDefault() {
        NsbridgeConfig config = check("connections: {}\n").orThrow();

        assertThat(config.connections()).isEmpty();
        assertThat(config.state().path()).isEqualTo(Path.of("/configs/nsbridge.db"));
    }

    @Test
    void shouldReadTheStatePathRelativeToTheFile() {
        NsbridgeConfig config = check(VALID + "state:\n  path: state/nb.db\n").orThrow();

        assertThat(config.state().path()).isEqualTo(Path.of("/configs/state/nb.db"));
    }
}
