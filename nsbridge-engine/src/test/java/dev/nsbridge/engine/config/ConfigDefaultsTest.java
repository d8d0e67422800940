package dev.nsbridge.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.engine.schedule.CronSchedule;
import dev.nsbridge.spi.config.ConfigKey;
import dev.nsbridge.spi.destination.LoadMethod;
import dev.nsbridge.spi.source.ReadMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ConfigDefaultsTest {

    private static NsbridgeConfig load(String yaml) {
        return new ConfigLoader(ConfigLoaderTest.REGISTRY, ConfigLoaderTest.ENVIRONMENT::get)
                .check(Path.of("/configs/nsbridge.yaml"), yaml).orThrow();
    }

    @Test
    void shouldApplyEveryExtractDefault() {
        ExtractConfig orders = load(ConfigLoaderTest.VALID).extracts().get("orders");

        assertThat(orders).isEqualTo(new ExtractConfig("orders", "src", Optional.of("transaction"), Optional.empty(),
                List.of(), LoadMethod.MERGE, List.of(), ReadMode.INCREMENTAL, Optional.empty(), "dwh", "orders",
                Optional.empty(), Duration.ofMinutes(10), DeleteHandling.FLAG, Optional.empty(), true, true));
    }

    @Test
    void shouldDefaultAFullExtractToTruncateLoad() {
        String yaml = ConfigLoaderTest.VALID.replace("    table: transaction", "    table: transaction\n    mode: full");

        assertThat(load(yaml).extracts().get("orders").loadMethod()).isEqualTo(LoadMethod.TRUNCATE_LOAD);
    }

    @Test
    void shouldMapEveryExtractKey() {
        String yaml = ConfigLoaderTest.VALID.replace("    table: transaction\n", """
                    query: SELECT id, changed FROM things
                    columns: [id, changed]
                    mode: incremental
                    incremental_key: changed
                    lookback: 1h30m
                    filter: status = 'A'
                    destination_table: things_copy
                    load_method: append
                    unique_key: id
                    deletes: remove
                    schedule: '*/15 * * * *'
                    timezone: America/New_York
                    enabled: false
                    tie_out: false
                """);

        assertThat(load(yaml).extracts().get("orders")).isEqualTo(new ExtractConfig("orders", "src", Optional.empty(),
                Optional.of("SELECT id, changed FROM things"), List.of("id", "changed"), LoadMethod.APPEND,
                List.of("id"), ReadMode.INCREMENTAL, Optional.of("changed"), "dwh", "things_copy",
                CronSchedule.parse("*/15 * * * *", ZoneId.of("America/New_York")), Duration.ofMinutes(90),
                DeleteHandling.REMOVE,
                Optional.of("status = 'A'"), false, false));
    }

    @Test
    void shouldApplyEveryFlowDefault() {
        FlowConfig flow = load(ConfigLoaderTest.VALID).flows().get("profiles");

        assertThat(flow.type()).isEqualTo("customer_profiles");
        assertThat(flow.source()).isEqualTo("src");
        assertThat(flow.destination()).isEqualTo("dwh");
        assertThat(flow.schedule()).isEmpty();
        assertThat(flow.enabled()).isTrue();
        assertThat(flow.settings().get(ConfigLoaderTest.CONSENT)).isTrue();
        assertThat(flow.settings().isWritten(ConfigLoaderTest.CONSENT)).isFalse();
    }

    @Test
    void shouldApplyEveryConnectionAndStateDefault() {
        NsbridgeConfig config = load(ConfigLoaderTest.VALID);

        assertThat(config.connections().get("src").values().get(ConfigLoaderTest.CONCURRENCY)).isEqualTo(5);
        assertThat(config.state().path()).isEqualTo(Path.of("/configs/nsbridge.db"));
    }

    @Test
    void shouldDeclareTheDocumentedDefaults() {
        Map<String, Optional<String>> defaults = new java.util.LinkedHashMap<>();
        for (ConfigKey<?> key : ExtractConfig.DEF.keys()) {
            defaults.put(key.name(), key.defaultText());
        }

        assertThat(defaults).containsEntry("lookback", Optional.of("10m")).containsEntry("mode",
                Optional.of("incremental")).containsEntry("deletes", Optional.of("flag"))
                .containsEntry("enabled", Optional.of("true")).containsEntry("columns", Optional.of("[]"))
                .containsEntry("load_method", Optional.empty()).containsEntry("timezone", Optional.of("UTC"));
        assertThat(FlowConfig.TIMEZONE.defaultText()).contains("UTC");
        assertThat(ExtractConfig.DEF.keys()).filteredOn(ConfigKey::isRequired).extracting(ConfigKey::name)
                .containsExactly("connection", "destination");
        assertThat(FlowConfig.DEF.keys()).filteredOn(ConfigKey::isRequired).extracting(ConfigKey::name)
                .containsExactly("type", "source", "destination");
        assertThat(StateConfig.PATH.defaultText()).contains("nsbridge.db");
        assertThat(NsbridgeConfig.SECTIONS.keySet()).containsExactly("connections", "extracts", "flows", "state");
    }
}
