package dev.nsbridge.spi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nsbridge.spi.destination.LoadMethod;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.secret.Secret;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ConfigDefTest {
    private static final ConfigKey<String> NAME = ConfigKey.string("name", "A name.").required();
    private static final ConfigKey<Integer> SIZE = ConfigKey.integer("size", "A size.").withDefault(10)
            .validatedBy(Validators.atLeast(1));
    private static final ConfigKey<Long> LIMIT = ConfigKey.longInteger("limit", "A limit.");
    private static final ConfigKey<Double> RATIO = ConfigKey.decimal("ratio", "A ratio.").withDefault(0.5);
    private static final ConfigKey<Boolean> ON = ConfigKey.bool("on", "A switch.").withDefault(false);
    private static final ConfigKey<Duration> WAIT = ConfigKey.duration("wait", "A wait.")
            .withDefault(Duration.ofSeconds(30));
    private static final ConfigKey<LoadMethod> METHOD = ConfigKey.enumeration("method", LoadMethod.class, "A method.")
            .withDefault(LoadMethod.MERGE);
    private static final ConfigKey<List<String>> TAGS = ConfigKey.list("tags", "Tags.").withDefault(List.of());
    private static final ConfigKey<Secret> PASSWORD = ConfigKey.secret("password", "A password.");
    private static final ConfigKey<Map<String, String>> LABELS = ConfigKey.map("labels", "Labels.")
            .withDefault(Map.of());
    private static final ConfigDef DEF = ConfigDef.of(NAME, SIZE, LIMIT, RATIO, ON, WAIT, METHOD, TAGS, PASSWORD,
            LABELS);

    @Test
    void shouldParseEveryTypeFromYamlValuesAndFromText() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("name", "a");
        raw.put("size", "25");
        raw.put("limit", 5_000_000_000L);
        raw.put("ratio", "0.25");
        raw.put("on", "TRUE");
        raw.put("wait", "1h30m");
        raw.put("method", "Append");
        raw.put("tags", "x, y ,z");
        raw.put("password", "p4ss");
        raw.put("labels", Map.of("k", 1));

        ConfigValues values = DEF.parse(raw).orThrow();

        assertThat(values.get(SIZE)).isEqualTo(25);
        assertThat(values.get(LIMIT)).isEqualTo(5_000_000_000L);
        assertThat(values.get(RATIO)).isEqualTo(0.25);
        assertThat(values.get(ON)).isTrue();
        assertThat(values.get(WAIT)).isEqualTo(Duration.ofMinutes(90));
        assertThat(values.get(METHOD)).isEqualTo(LoadMethod.APPEND);
        assertThat(values.get(TAGS)).containsExactly("x", "y", "z");
        assertThat(values.get(PASSWORD).reveal()).isEqualTo("p4ss");
        assertThat(values.get(LABELS)).containsExactly(Map.entry("k", "1"));
        assertThat(values.toString()).doesNotContain("p4ss").contains("[hidden]");
    }

    @Test
    void shouldApplyEveryDefault() {
        ConfigValues values = DEF.parse(Map.of("name", "a")).orThrow();

        assertThat(values.get(SIZE)).isEqualTo(10);
        assertThat(values.find(LIMIT)).isEmpty();
        assertThat(values.get(RATIO)).isEqualTo(0.5);
        assertThat(values.get(ON)).isFalse();
        assertThat(values.get(WAIT)).isEqualTo(Duration.ofSeconds(30));
        assertThat(values.get(METHOD)).isEqualTo(LoadMethod.MERGE);
        assertThat(values.get(TAGS)).isEmpty();
        assertThat(values.find(PASSWORD)).isEmpty();
        assertThat(values.get(LABELS)).isEmpty();
        assertThat(values.isWritten(SIZE)).isFalse();
    }

    @Test
    void shouldReportEveryProblemWithoutQuotingValues() {
        Map<String, Object> raw = Map.of("size", 0, "method", "upsert", "wait", "10", "sise", 3, "password",
                List.of("hunter2"));

        ConfigDef.Result result = DEF.parse(raw);

        assertThat(result.problems()).extracting(ConfigProblem::describe).containsExactlyInAnyOrder(
                "sise: is not a known key (fix: did you mean size?)",
                "name: is required and missing (fix: add name: <text> (A name))",
                "size: the value is below the minimum 1 (fix: use 1 or more)",
                "wait: the value is not a duration (fix: write a number with a unit: 500ms, 30s, 10m, 2h or 1d)",
                "method: the value is not one of drop_create_load, truncate_load, append, merge (fix: write one of"
                        + " drop_create_load, truncate_load, append, merge)",
                "password: the value is a list, not a single secret value (fix: write ${ENV_NAME})");
        assertThatThrownBy(result::orThrow).isInstanceOf(ConfigurationException.class)
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void shouldDescribeEachKeyForDocumentation() {
        assertThat(DEF.describe()).contains("name (string, required) A name.",
                "wait (duration, default 30s) A wait.",
                "method (enum: drop_create_load | truncate_load | append | merge, default merge) A method.",
                "size (int, default 10, at least 1) A size.");
    }

    @Test
    void shouldRefuseADefaultForASecretAndAKeyDeclaredTwice() {
        assertThatThrownBy(() -> ConfigKey.secret("s", "S.").withDefault(Secret.of("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("x]");
        assertThatThrownBy(() -> ConfigDef.of(NAME, NAME)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldParseAndFormatDurations() {
        assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(Durations.parse("2d")).contains(Duration.ofDays(2));
        assertThat(Durations.parse("PT10M")).contains(Duration.ofMinutes(10));
        assertThat(Durations.parse("10")).isEmpty();
        assertThat(Durations.parse("ten minutes")).isEmpty();
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    }

    @Test
    void shouldSuggestOnlyNearWords() {
        assertThat(Suggestions.closest("lod_method", List.of("load_method", "mode"))).contains("load_method");
        assertThat(Suggestions.closest("tabel", List.of("table", "query"))).contains("table");
        assertThat(Suggestions.closest("zzz", List.of("table", "query"))).isEmpty();
    }
}
