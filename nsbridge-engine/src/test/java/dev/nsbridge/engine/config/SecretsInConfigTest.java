package dev.nsbridge.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

final class SecretsInConfigTest {
    private static final String SECRET = "tok-very-secret-123";

    private static ConfigReport check(String yaml) {
        return new ConfigLoader(ConfigLoaderTest.REGISTRY, ConfigLoaderTest.ENVIRONMENT::get)
                .check(Path.of("nsbridge.yaml"), yaml);
    }

    @Test
    void shouldNeverShowASecretInToString() {
        NsbridgeConfig config = check(ConfigLoaderTest.VALID).orThrow();

        assertThat(config.toString()).doesNotContain(SECRET).contains("[hidden]");
        assertThat(config.connections().get("src").toString()).doesNotContain(SECRET);
    }

    @Test
    void shouldRefuseASecretWrittenInTheFileWithItsLineAndFixWithoutShowingIt() {
        String yaml = ConfigLoaderTest.VALID.replace("${SRC_TOKEN}", SECRET);

        ConfigReport report = check(yaml);

        assertThat(report.errors()).extracting(ConfigIssue::render).containsExactly("nsbridge.yaml line 5:"
                + " connections.src.token: is a secret written into the file as plain text, where anyone who can"
                + " read it can use it; write token: ${SRC_TOKEN} and set SRC_TOKEN in the environment, or write the"
                + " enc: value that nsbridge secret encrypt connections.src.token prints (or pass --allow-plaintext"
                + " to accept it as written)");
        assertThatThrownBy(report::orThrow).satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    }

    @Test
    void shouldAcceptASecretWrittenInTheFileWithAWarningWhenPlaintextIsAllowed() {
        String yaml = ConfigLoaderTest.VALID.replace("${SRC_TOKEN}", SECRET);

        ConfigReport report = new ConfigLoader(ConfigLoaderTest.REGISTRY, ConfigLoaderTest.ENVIRONMENT::get)
                .check(Path.of("nsbridge.yaml"), yaml, LoadOptions.STRICT.allowingPlaintext(true));

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).extracting(ConfigIssue::render).containsExactly("warning: nsbridge.yaml line 5:"
                + " connections.src.token: is a secret written into the file, where anyone who can read it can use"
                + " it (accepted because of --allow-plaintext); write token: ${SRC_TOKEN} and set SRC_TOKEN in the"
                + " environment, or write the enc: value that nsbridge secret encrypt connections.src.token prints");
        assertThat(report.orThrow().connections().get("src").values().get(ConfigLoaderTest.TOKEN).reveal())
                .isEqualTo(SECRET);
    }

    @Test
    void shouldNotQuoteASecretThatIsInvalid() {
        String yaml = ConfigLoaderTest.VALID.replace("token: ${SRC_TOKEN}", "token: [" + SECRET + "]");

        assertThat(check(yaml).errors()).extracting(ConfigIssue::render).containsExactly("nsbridge.yaml line 5:"
                + " connections.src.token: the value is a list, not a single secret value; write ${ENV_NAME}");
    }

    @Test
    void shouldNotQuoteAnEnvironmentValueInAnError() {
        String yaml = ConfigLoaderTest.VALID.replace("token: ${SRC_TOKEN}", "token: ${SRC_TOKEN}\n    concurrency:"
                + " ${SRC_TOKEN}");

        assertThat(check(yaml).errors()).extracting(ConfigIssue::render).containsExactly("nsbridge.yaml line 6:"
                + " connections.src.concurrency: '${SRC_TOKEN}' gives a value that is not a whole number; write"
                + " digits only, e.g. 100");
    }

    @Test
    void shouldNotQuoteAMisspeltKeysValue() {
        String yaml = ConfigLoaderTest.VALID.replace("token: ${SRC_TOKEN}", "tokn: " + SECRET);

        ConfigReport report = check(yaml);

        assertThat(report.errors()).extracting(ConfigIssue::render).allSatisfy(line ->
                assertThat(line).doesNotContain(SECRET)).anySatisfy(line -> assertThat(line).contains("did you mean"
                + " token?"));
        assertThatThrownBy(report::orThrow).satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    }
}
