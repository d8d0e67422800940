package dev.nsbridge.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.engine.config.DeleteHandling;
import dev.nsbridge.engine.config.ExtractConfig;
import dev.nsbridge.spi.destination.LoadMethod;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.source.ReadMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class PipelinesTest {

    private static ExtractConfig extract(String table, List<String> columns, Optional<String> incrementalKey) {
        return new ExtractConfig("people", "src", Optional.of(table), Optional.empty(), columns, LoadMethod.MERGE,
                List.of(), ReadMode.INCREMENTAL, incrementalKey, "dwh", "people", Optional.empty(),
                Duration.ofMinutes(10), DeleteHandling.REMOVE, Optional.of("id > 0"), true, true);
    }

    @Test
    void shouldBuildAPipelineFromAnExtract() {
        FakeSource source = new FakeSource(1);
        ExtractConfig config = extract("CUSTOMER", List.of("email"), Optional.empty());

        Pipeline pipeline = Pipelines.extract(config, Pipelines.tableStream(config, source), source,
                new FakeDestination(false));

        assertThat(pipeline.name()).isEqualTo("people");
        assertThat(pipeline.read().columns()).containsExactly("email");
        assertThat(pipeline.read().filter()).contains("id > 0");
        assertThat(pipeline.read().lookback()).isEqualTo(Duration.ofMinutes(10));
        assertThat(pipeline.write().uniqueKey()).containsExactly("id");
        assertThat(pipeline.write().target()).isEqualTo("people");
        assertThat(pipeline.write().options()).isEqualTo(Map.of(Pipelines.DELETES_OPTION, "remove"));
    }

    @Test
    void shouldNameTheKeyOfAColumnOrTableTheSourceDoesNotHave() {
        FakeSource source = new FakeSource(1);
        ExtractConfig badColumn = extract("customer", List.of("emial"), Optional.empty());
        ExtractConfig badTable = extract("custmer", List.of(), Optional.empty());

        assertThatThrownBy(() -> Pipelines.extract(badColumn, FakeSource.STREAM, source, new FakeDestination(false)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("extracts.people.columns: 'emial' is not a column of customer")
                .satisfies(e -> assertThat(((ConfigurationException) e).fix()).contains("did you mean email?"));
        assertThatThrownBy(() -> Pipelines.tableStream(badTable, source))
                .hasMessage("extracts.people.table: 'custmer' is not a table of connection src");
    }

    @Test
    void shouldPointAtTheCommandThatListsTablesWhenNoneIsNear() {
        ExtractConfig unknown = extract("zzzzzzzzzzzz", List.of(), Optional.empty());

        assertThatThrownBy(() -> Pipelines.tableStream(unknown, new FakeSource(1)))
                .satisfies(e -> assertThat(((ConfigurationException) e).fix())
                        .hasValue("run nsbridge discover --connection src to list them"));
    }
}
