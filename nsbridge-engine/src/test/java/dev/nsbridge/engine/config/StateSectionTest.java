package dev.nsbridge.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.config.ConfigKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code state:} section: the embedded file by default, or a postgres connection several servers share. */
final class StateSectionTest {
    private static final ComponentRegistry REGISTRY = ComponentRegistry.builder()
            .connection("postgres", "A PostgreSQL database.", ConfigDef.of(ConfigKey.string("url", "The URL.")))
            .connection("duckdb", "A DuckDB file.", ConfigDef.of(ConfigKey.string("path", "The file.")))
            .build();
    private static final String CONNECTIONS = """
            connections:
              state_db:
                type: postgres
                url: jdbc:postgresql://db:5432/nsbridge
              lake:
                type: duckdb
                path: lake.duckdb
            """;

    private static ConfigReport check(String yaml) {
        return new ConfigLoader(REGISTRY, Map.<String, String>of()::get).check(Path.of("/configs/nsbridge.yaml"), yaml);
    }

    private static List<String> errors(String yaml) {
        return check(yaml).errors().stream().map(ConfigIssue::render).toList();
    }

    @Test
    void shouldKeepTheStateInAFileBesideTheConfigByDefault() {
        StateConfig state = check(CONNECTIONS).orThrow().state();

        assertThat(state.shared()).isFalse();
        assertThat(state.path()).isEqualTo(Path.of("/configs/nsbridge.db").toAbsolutePath());
        assertThat(check(CONNECTIONS + "state:\n  path: run/state.db\n").orThrow().state().path())
                .isEqualTo(Path.of("/configs/run/state.db").toAbsolutePath());
    }

    @Test
    void shouldShareTheStateThroughAPostgresConnection() {
        StateConfig state = check(CONNECTIONS + "state:\n  connection: state_db\n  schema: nsbridge_prod\n").orThrow()
                .state();

        assertThat(state.shared()).isTrue();
        assertThat(state.connection()).contains("state_db");
        assertThat(state.schema()).isEqualTo("nsbridge_prod");
        assertThat(check(CONNECTIONS + "state:\n  connection: state_db\n").orThrow().state().schema())
                .isEqualTo("nsbridge");
    }

    @Test
    void shouldNameWhatToFixInASharedStoreSetting() {
        assertThat(errors(CONNECTIONS + "state:\n  connection: state_bd\n")).containsExactly("nsbridge.yaml line 9:"
                + " state.connection: 'state_bd' is not a connection; did you mean state_db?");
        assertThat(errors(CONNECTIONS + "state:\n  connection: lake\n")).containsExactly("nsbridge.yaml line 9:"
                + " state.connection: 'lake' is a duckdb connection; the shared state store runs on PostgreSQL; name"
                + " a postgres connection, or remove connection to keep the state in a file");
        assertThat(errors(CONNECTIONS + "state:\n  path: s.db\n  connection: state_db\n")).containsExactly(
                "nsbridge.yaml line 9: state.path: cannot be used with state.connection: the state is either in a"
                        + " local file or in PostgreSQL; remove path to share the state through state_db, or remove"
                        + " connection to keep the file");
        assertThat(errors(CONNECTIONS + "state:\n  connection: state_db\n  schema: \"nsbridge; drop table x\"\n"))
                .singleElement().asString().startsWith("nsbridge.yaml line 10: state.schema:")
                .contains("a lower-case name of letters, digits and '_'");
    }
}
