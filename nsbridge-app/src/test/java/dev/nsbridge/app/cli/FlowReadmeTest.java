package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

final class FlowReadmeTest {
    private static final Path README = Path.of("..", "README.md");
    private static final String BEGIN = "<!-- flow keys: generated from the flow types' ConfigDefs by FlowDocs -->";
    private static final String END = "<!-- end of flow keys -->";

    @Test
    void shouldListEveryFlowSettingWithItsDefault() throws Exception {
        String readme = Files.readString(README);
        String expected = FlowDocs.markdown();
        Path fresh = Path.of("target", "readme-flow-keys.md");
        Files.createDirectories(fresh.getParent());
        Files.writeString(fresh, expected);

        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertThat(begin).as("README marker " + BEGIN).isNotNegative();
        assertThat(readme.substring(begin + BEGIN.length(), end).strip())
                .as("the README's flow keys are out of date: replace them with nsbridge-app/" + fresh)
                .isEqualTo(expected.strip());
    }

    @Test
    void shouldDocumentEveryFlowCommand() throws Exception {
        assertThat(Files.readString(README)).contains("nsbridge golive").contains("--off").contains("--since")
                .contains("nsbridge errors").contains("errors show").contains("errors resolve")
                .contains("nsbridge retry").contains("--dry-run").contains("--limit");
    }
}
