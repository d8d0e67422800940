package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class FlowReadmeTest {
    private static final String BEGIN = "<!-- flow keys: generated from the flow types' ConfigDefs by FlowDocs -->";
    private static final String END = "<!-- end of flow keys -->";

    @Test
    void shouldListEveryFlowSettingWithItsDefault() throws Exception {
        Readme.assertSection(BEGIN, END, FlowDocs.markdown(), "readme-flow-keys.md");
    }

    @Test
    void shouldDocumentEveryFlowCommand() throws Exception {
        assertThat(Readme.text()).contains("nsbridge golive").contains("--off").contains("--since")
                .contains("nsbridge errors").contains("errors show").contains("errors resolve")
                .contains("nsbridge retry").contains("--dry-run").contains("--limit");
    }
}
