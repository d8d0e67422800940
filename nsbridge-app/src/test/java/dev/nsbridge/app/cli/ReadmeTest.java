package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

final class ReadmeTest {
    private static final Path README = Path.of("..", "README.md");
    private static final String BEGIN = "<!-- keys: generated from the ConfigDefs by ConfigDocs; ReadmeTest checks -->";
    private static final String END = "<!-- end of keys -->";

    @Test
    void shouldListEveryConfigurationKeyWithItsDefault() throws Exception {
        String readme = Files.readString(README);
        String expected = ConfigDocs.markdown();
        Path fresh = Path.of("target", "readme-config-keys.md");
        Files.createDirectories(fresh.getParent());
        Files.writeString(fresh, expected);

        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertThat(begin).as("README marker " + BEGIN).isNotNegative();
        assertThat(readme.substring(begin + BEGIN.length(), end).strip())
                .as("the README's key list is out of date: replace it with nsbridge-app/" + fresh)
                .isEqualTo(expected.strip());
    }

    @Test
    void shouldDocumentEveryCommand() throws Exception {
        String readme = Files.readString(README);

        assertThat(readme).contains("nsbridge init").contains("nsbridge discover").contains("nsbridge run")
                .contains("nsbridge status").contains("nsbridge demo").contains("--full-refresh")
                .contains("--backfill-from").contains("--credentials-file").contains("--refresh").contains("--keep");
    }
}
