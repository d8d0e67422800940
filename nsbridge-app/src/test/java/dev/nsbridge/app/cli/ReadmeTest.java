package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.app.connect.ConnectionTypes;
import dev.nsbridge.app.connect.FakeConnectionType;
import org.junit.jupiter.api.Test;

final class ReadmeTest {
    private static final String BEGIN = "<!-- keys: generated from the ConfigDefs by ConfigDocs; ReadmeTest checks -->";
    private static final String END = "<!-- end of keys -->";

    @Test
    void shouldListEveryConfigurationKeyWithItsDefault() throws Exception {
        // The README documents the types nsbridge ships; the test's own type is on this class path only.
        Readme.assertSection(BEGIN, END, ConfigDocs.markdown(ConnectionTypes.installed()
                .without(FakeConnectionType.NAME)), "readme-config-keys.md");
    }

    @Test
    void shouldDocumentEveryCommand() throws Exception {
        String readme = Readme.text();

        assertThat(readme).contains("nsbridge init").contains("nsbridge discover").contains("nsbridge run")
                .contains("nsbridge status").contains("nsbridge demo").contains("--full-refresh")
                .contains("--backfill-from").contains("--credentials-file").contains("--refresh").contains("--keep")
                .contains("--allow-plaintext");
    }
}
