package dev.nsbridge.kafka.connect.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/** docs/KAFKA-CONNECT.md lists the source connector's keys exactly as the connector declares them. */
final class ConfigDocsTest {
    private static final String START = "<!-- source connector keys -->";
    private static final String END = "<!-- end of source connector keys -->";

    /** The table the declaration makes: key, type, default (or required), documentation. */
    static String table(ConfigDef definition) {
        String rows = definition.configKeys().values().stream().map(key -> "| `" + key.name + "` | "
                + key.type.name().toLowerCase(java.util.Locale.ROOT) + " | " + defaultText(key) + " | "
                + key.documentation.replace("|", "\\|") + " |").collect(Collectors.joining("\n"));
        return "| key | type | default | what it does |\n|---|---|---|---|\n" + rows + "\n";
    }

    private static String defaultText(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "required";
        }
        if (key.defaultValue == null) {
            return "";
        }
        Object value = key.defaultValue instanceof List<?> list ? String.join(",", list.stream()
                .map(String::valueOf).toList()) : key.defaultValue;
        // The state folder's default is the worker's home: written as the path under it.
        String text = String.valueOf(value).replace(System.getProperty("user.home"), "~");
        return text.isEmpty() ? "" : "`" + text + "`";
    }

    @Test
    void shouldListEveryKeyOfTheSourceConnectorAsItIsDeclared() throws IOException {
        Path docs = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "docs",
                "KAFKA-CONNECT.md");
        if (!Files.exists(docs)) {
            docs = Path.of("..", "docs", "KAFKA-CONNECT.md");
        }
        String text = Files.readString(docs);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertThat(start).as("the keys' markers in " + docs).isNotNegative();
        assertThat(end).isGreaterThan(start);

        String expected = table(new NetSuiteSourceConnector().config());
        assertThat(text.substring(start + START.length(), end).strip()).isEqualTo(expected.strip());
    }
}
