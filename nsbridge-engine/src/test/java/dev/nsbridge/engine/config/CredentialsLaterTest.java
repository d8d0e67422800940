package dev.nsbridge.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.spi.errors.ConfigurationException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Commands that read only local state load a file whose connections' variables are unset. */
final class CredentialsLaterTest {
    private static final Map<String, String> NOTHING_SET = Map.of();

    private static ConfigReport check(String yaml, LoadOptions options) {
        return new ConfigLoader(ConfigLoaderTest.REGISTRY, NOTHING_SET::get).check(Path.of("nsbridge.yaml"), yaml,
                options);
    }

    @Test
    void shouldLoadWithUnsetConnectionVariablesWhenCredentialsMayComeLater() {
        ConfigReport report = check(ConfigLoaderTest.VALID, LoadOptions.STRICT.withCredentialsLater());

        assertThat(report.errors()).isEmpty();
        NsbridgeConfig config = report.orThrow();
        assertThat(config.flows()).containsKey("profiles");
        assertThat(config.connections().get("src").unsetVariables()).containsExactly("ACCOUNT_ID", "SRC_TOKEN");
        assertThat(config.connections().get("dwh").hasCredentials()).isTrue();
    }

    @Test
    void shouldNameTheUnsetVariablesWhenSuchAConnectionIsOpened() {
        ConnectionConfig src = check(ConfigLoaderTest.VALID, LoadOptions.STRICT.withCredentialsLater()).orThrow()
                .connections().get("src");

        assertThatThrownBy(src::requireCredentials).isInstanceOfSatisfying(ConfigurationException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("connection 'src' needs environment variables ACCOUNT_ID,"
                    + " SRC_TOKEN, which are not set");
            assertThat(e.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("export ACCOUNT_ID=...;"
                    + " export SRC_TOKEN=..."));
        });
    }

    @Test
    void shouldStillReportEveryUnsetVariableByDefault() {
        assertThat(check(ConfigLoaderTest.VALID, LoadOptions.STRICT).errors()).extracting(ConfigIssue::render)
                .containsExactly("nsbridge.yaml line 4: connections.src.account: refers to environment variable"
                        + " ACCOUNT_ID, which is not set; set it before starting nsbridge, e.g. export ACCOUNT_ID=...",
                        "nsbridge.yaml line 5: connections.src.token: refers to environment variable SRC_TOKEN,"
                                + " which is not set; set it before starting nsbridge, e.g. export SRC_TOKEN=...");
    }

    @Test
    void shouldStillRefuseAnUnsetVariableOutsideTheConnections() {
        String yaml = ConfigLoaderTest.VALID.replace("list_id: L1", "list_id: ${LIST}");

        assertThat(check(yaml, LoadOptions.STRICT.withCredentialsLater()).errors()).extracting(ConfigIssue::path)
                .containsExactly("flows.profiles.settings.list_id");
    }
}
