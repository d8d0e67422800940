package dev.nsbridge.kafka.connect.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

final class KlaviyoSinkConnectorTest {
    private final KlaviyoSinkConnector connector = new KlaviyoSinkConnector();

    private static Map<String, String> customers() {
        Map<String, String> config = new HashMap<>();
        config.put("flow", "customers");
        config.put("flow.list_id", "Y6nRLr");
        config.put("klaviyo.api.key", "pk_test_secret_value");
        config.put("live.since", "2026-07-01T00:00:00Z");
        config.put("state.store.url", "/tmp/nsbridge-sink.db");
        return config;
    }

    private Map<String, List<String>> errors(Map<String, String> config) {
        return connector.validate(config).configValues().stream().filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    @Test
    void shouldAcceptACompleteCustomersConfiguration() {
        assertThat(errors(customers())).isEmpty();
    }

    @Test
    void shouldNameAMissingFlowSettingOnItsOwnKeyWithTheFix() {
        Map<String, String> config = customers();
        config.remove("flow.list_id");

        Map<String, List<String>> errors = errors(config);

        assertThat(errors).containsOnlyKeys("flow.list_id");
        assertThat(errors.get("flow.list_id").get(0)).contains("required").contains("fix");
    }

    @Test
    void shouldSuggestTheClosestSettingForAMisspelledOne() {
        Map<String, String> config = customers();
        config.put("flow.subscribe_smss", "true");

        assertThat(errors(config).get("flow.subscribe_smss")).anySatisfy(e -> assertThat(e).contains("subscribe_sms"));
    }

    @Test
    void shouldTakeAMapSettingOneEntryPerKey() {
        Map<String, String> config = customers();
        config.put("flow", "orders");
        config.remove("flow.list_id");
        config.put("flow.metric_names.placed_order", "Placed Order NS");
        config.put("flow.metric_names.shipped", "Shipped");

        assertThat(errors(config)).containsOnlyKeys("flow.metric_names");
        assertThat(KlaviyoSinkConfig.parse(Map.of("flow", "orders", "klaviyo.api.key", "pk_x", "live.since",
                "2026-07-01T00:00:00Z", "state.store.url", "/tmp/x.db", "flow.metric_names.placed_order",
                "Placed Order NS")).settings().get(dev.nsbridge.flows.orders.OrderFlowSettings.METRIC_NAMES))
                .containsEntry("placed_order", "Placed Order NS");
    }

    @Test
    void shouldRefuseASettingOnlyTheSourceReadsAndTheProfileIdWriteBackNamingWhereTheyBelong() {
        Map<String, String> config = customers();
        config.put("flow.batch_size", "100");
        config.put("flow.write_back_profile_id", "true");

        Map<String, List<String>> errors = errors(config);

        assertThat(errors).containsOnlyKeys("flow.batch_size", "flow.write_back_profile_id");
        assertThat(errors.get("flow.batch_size").get(0)).contains("flow.customers.batch_size");
        assertThat(errors.get("flow.write_back_profile_id").get(0)).contains("never writes to NetSuite");
        config.put("flow.write_back_profile_id", "false");
        config.remove("flow.batch_size");
        assertThat(errors(config)).isEmpty();
    }

    @Test
    void shouldRefuseTheSuppressionsFlowWhichDeliversToNetSuite() {
        Map<String, String> config = customers();
        config.put("flow", "suppressions");

        assertThat(errors(config)).containsKey("flow");
    }

    @Test
    void shouldDeclareTheApiKeyAsAPasswordAndNeverShowIt() {
        assertThat(connector.config().configKeys().get("klaviyo.api.key").type).isEqualTo(ConfigDef.Type.PASSWORD);
        assertThat(connector.config().configKeys().get("state.store.password").type)
                .isEqualTo(ConfigDef.Type.PASSWORD);
        assertThat(KlaviyoSinkConfig.parse(customers()).toString()).doesNotContain("pk_test_secret_value");
        Map<String, String> wrong = customers();
        wrong.put("live.since", "July 1st");
        assertThatThrownBy(() -> KlaviyoSinkConfig.parse(wrong)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("live.since").hasMessageNotContaining("pk_test_secret_value");
        Map<String, String> blank = customers();
        blank.put("klaviyo.api.key", " ");
        assertThat(errors(blank)).containsOnlyKeys("klaviyo.api.key");
    }

    @Test
    void shouldRefuseALiveSinceThatIsNoInstant() {
        Map<String, String> config = customers();
        config.put("live.since", "July 1st");

        assertThat(errors(config)).containsOnlyKeys("live.since");
    }

    @Test
    void shouldTellEachTaskHowManyTasksShareTheRateLimits() {
        connector.start(customers());

        List<Map<String, String>> tasks = connector.taskConfigs(3);

        assertThat(tasks).hasSize(3).allSatisfy(task -> {
            assertThat(task).containsEntry("klaviyo.rate.shares", "3");
            assertThat(KlaviyoSinkConfig.parse(task).rateShares()).isEqualTo(3);
        });
    }
}
