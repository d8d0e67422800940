package dev.nsbridge.kafka.connect.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.netsuite.config.NetSuiteConnectionConfig;
import dev.nsbridge.spi.config.ConfigKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

/**
 * What {@code PUT /connector-plugins/NetSuiteSourceConnector/config/validate} answers, without a cluster: each
 * mistake on its key, with the fix, and never a secret.
 */
final class ConfigValidationTest {
    private static final String SECRET = "tok-secret-4f2a9c";

    private static Map<String, String> valid() {
        Map<String, String> config = new HashMap<>();
        config.put("name", "netsuite-source");
        config.put("connector.class", NetSuiteSourceConnector.class.getName());
        config.put("tables", "customer,transaction");
        config.put("netsuite.account", "1234567_SB1");
        config.put("netsuite.auth", "tba");
        config.put("netsuite.consumer.key", "ck");
        config.put("netsuite.consumer.secret", "cs");
        config.put("netsuite.token.id", "tid");
        config.put("netsuite.token.secret", SECRET);
        return config;
    }

    private static Map<String, List<String>> errors(Map<String, String> config) {
        Config answer = new NetSuiteSourceConnector().validate(config);
        return answer.configValues().stream().filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    @Test
    void shouldAcceptACompleteConfiguration() {
        assertThat(errors(valid())).isEmpty();
    }

    @Test
    void shouldNameTheMissingAccountAndWhereToFindIt() {
        Map<String, String> config = valid();
        config.remove("netsuite.account");

        assertThat(errors(config)).containsOnlyKeys("netsuite.account");
        assertThat(errors(config).get("netsuite.account")).singleElement().asString()
                .contains("is required").contains("fix: set netsuite.account")
                .contains("Setup > Company > Company Information");
    }

    @Test
    void shouldRefuseAMalformedAccountIdSayingWhatOneLooksLike() {
        Map<String, String> config = valid();
        config.put("netsuite.account", "not an account!");

        assertThat(errors(config).get("netsuite.account")).singleElement().asString()
                .contains("is not a NetSuite account id such as 1234567 or 1234567_SB1").contains("fix: write");
    }

    @Test
    void shouldAskForEveryTokenCredentialThatTokenBasedAuthNeeds() {
        Map<String, String> config = valid();
        List.of("netsuite.consumer.key", "netsuite.consumer.secret", "netsuite.token.id", "netsuite.token.secret")
                .forEach(config::remove);

        Map<String, List<String>> errors = errors(config);

        assertThat(errors).containsOnlyKeys("netsuite.consumer.key", "netsuite.consumer.secret",
                "netsuite.token.id", "netsuite.token.secret");
        errors.forEach((key, messages) -> assertThat(messages).singleElement().asString()
                .contains("is required with auth: tba").contains("fix: set " + key));
    }

    @Test
    void shouldAskForAPrivateKeyWithOAuth2() {
        Map<String, String> config = valid();
        config.put("netsuite.auth", "oauth2");
        config.put("netsuite.client.id", "client");
        config.put("netsuite.certificate.id", "cert");

        assertThat(errors(config).get("netsuite.private.key.file")).singleElement().asString()
                .contains("required with auth: oauth2").contains("fix:");
    }

    @Test
    void shouldRefuseAnUnknownAuthMethodListingTheKnownOnes() {
        Map<String, String> config = valid();
        config.put("netsuite.auth", "password");

        assertThat(errors(config).get("netsuite.auth")).singleElement().asString().contains("oauth2").contains("tba");
    }

    @Test
    void shouldRefuseAConfigurationThatReadsNoTable() {
        Map<String, String> config = valid();
        config.remove("tables");

        assertThat(errors(config).get("tables")).singleElement().asString()
                .contains("names no table").contains("fix: list the NetSuite tables");
    }

    @Test
    void shouldAskForTheUniqueKeyOfAQueryStream() {
        Map<String, String> config = valid();
        config.put("queries", "open_orders");
        config.put("query.open_orders.sql", "SELECT id, tranid FROM transaction WHERE status = 'B'");

        assertThat(errors(config).get("queries")).singleElement().asString()
                .contains("query.open_orders.unique.key is missing").contains("fix: set it to the columns");
    }

    @Test
    void shouldRefuseAQueryNamedLikeATableItWouldShareATopicWith() {
        Map<String, String> config = valid();
        config.put("queries", "customer");
        config.put("query.customer.sql", "SELECT id FROM customer");
        config.put("query.customer.unique.key", "id");

        assertThat(errors(config).get("queries")).singleElement().asString()
                .contains("is also a table's name").contains("fix: name the query otherwise");
    }

    @Test
    void shouldAcceptQueriesAloneWithoutTables() {
        Map<String, String> config = valid();
        config.remove("tables");
        config.put("queries", "open_orders");
        config.put("query.open_orders.sql", "SELECT id, tranid FROM transaction WHERE status = 'B'");
        config.put("query.open_orders.unique.key", "id");

        assertThat(errors(config)).isEmpty();
    }

    @Test
    void shouldRefuseATopicTemplateThatWouldPutEveryTableInOneTopic() {
        Map<String, String> config = valid();
        config.put("topic.name.template", "{prefix}all");

        assertThat(errors(config).get("topic.name.template")).singleElement().asString()
                .contains("has no {stream}").contains("fix: include {stream}");
    }

    @Test
    void shouldRefuseAPollIntervalBelowTheMinimumWithTheFix() {
        Map<String, String> config = valid();
        config.put("poll.interval.ms", "10");

        assertThat(errors(config).get("poll.interval.ms")).singleElement().asString()
                .contains("below the minimum 100").contains("fix: use 100 or more");
    }

    @Test
    void shouldNeverShowASecretInAnAnswerEvenWhenItsValueIsRefused() {
        Map<String, String> config = valid();
        config.put("netsuite.private.key", SECRET);
        config.put("netsuite.account", "not an account!");

        Config answer = new NetSuiteSourceConnector().validate(config);

        assertThat(answer.configValues()).allSatisfy(value -> {
            assertThat(String.valueOf(value.value())).doesNotContain(SECRET);
            assertThat(value.errorMessages()).noneMatch(message -> message.contains(SECRET));
        });
    }

    @Test
    void shouldDeclareEveryNetSuiteConnectionKeyWithItsDocumentationAndSecretsAsPasswords() {
        ConfigDef definition = new NetSuiteSourceConnector().config();

        for (ConfigKey<?> key : NetSuiteConnectionConfig.DEFINITION.keys()) {
            ConfigDef.ConfigKey declared = definition.configKeys().get("netsuite." + key.name().replace('_', '.'));
            assertThat(declared).as(key.name()).isNotNull();
            assertThat(declared.documentation).isEqualTo(key.documentation());
            assertThat(declared.type == ConfigDef.Type.PASSWORD).as(key.name()).isEqualTo(key.isSecret());
        }
        assertThat(definition.configKeys().values()).allSatisfy(key ->
                assertThat(key.documentation).as(key.name).isNotBlank());
    }

    private static List<Map<String, String>> tasks(int budget, String tables, int maxTasks) {
        NetSuiteSourceConnector connector = new NetSuiteSourceConnector(config -> budget);
        Map<String, String> config = valid();
        config.put("tables", tables);
        connector.start(config);
        return connector.taskConfigs(maxTasks);
    }

    private static List<String> streams(List<Map<String, String>> tasks) {
        return tasks.stream().flatMap(task -> List.of(task.get(NetSuiteSourceTask.TASK_STREAMS).split(",")).stream())
                .toList();
    }

    private static int permits(List<Map<String, String>> tasks) {
        return tasks.stream().mapToInt(task -> Integer.parseInt(task.get(NetSuiteSourceTask.TASK_PERMITS))).sum();
    }

    @Test
    void shouldDealTheTablesToTasksWithNoTaskIdleAndNoTableTwice() {
        List<Map<String, String>> tasks = tasks(5, "customer,transaction,item", 5);

        assertThat(tasks).hasSize(3);
        assertThat(streams(tasks)).containsExactlyInAnyOrder("customer", "transaction", "item");
        assertThat(tasks).allSatisfy(task -> assertThat(task.get(NetSuiteSourceTask.TASK_PERMITS)).isIn("1", "2"));
        assertThat(permits(tasks)).isEqualTo(5);
    }

    @Test
    void shouldRunNoMoreTasksThanTheBudgetHasPermitsAndShareItOut() {
        List<Map<String, String>> tasks = tasks(2, "customer,transaction,item,currency,subsidiary", 8);

        assertThat(tasks).hasSize(2);
        assertThat(streams(tasks)).containsExactlyInAnyOrder("customer", "transaction", "item", "currency",
                "subsidiary");
        assertThat(permits(tasks)).isEqualTo(2);
        assertThat(tasks).allSatisfy(task -> assertThat(task.get(NetSuiteSourceTask.TASK_PERMITS)).isEqualTo("1"));
    }
}
