package dev.nsbridge.kafka.connect.sink;

import dev.nsbridge.flows.FlowType;
import dev.nsbridge.flows.Flows;
import dev.nsbridge.flows.customers.CustomerFlowSettings;
import dev.nsbridge.kafka.connect.config.FlowSettings;
import dev.nsbridge.spi.config.ConfigProblem;
import dev.nsbridge.spi.config.ConfigValues;
import dev.nsbridge.spi.secret.Secret;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The Klaviyo sink's configuration, declared once with Connect's {@link ConfigDef} and parsed into typed fields.
 * The flow's own settings ({@code list_id}, {@code metric_names}, ...) are the keys the command line's
 * {@code settings:} takes, each under {@value #FLOW_SETTING_PREFIX}, and a map setting one key per entry
 * ({@code flow.metric_names.placed_order=Placed Order NS}); they are checked by the flow type's own declaration.
 *
 * @param flow        which flow's delivery runs
 * @param settings    the flow's parsed settings
 * @param liveSince   what happened before it is history (backfill events, consent imported as historical)
 * @param stateStore  where the consent ledger lives
 * @param rateShares  in how many parts each Klaviyo endpoint's limits are split; this task keeps to one
 */
record KlaviyoSinkConfig(FlowType flow, ConfigValues settings, Secret apiKey, String baseUrl, Instant liveSince,
                         StateStoreConfig stateStore, int rateShares) {
    static final String FLOW = "flow";
    static final String FLOW_SETTING_PREFIX = "flow.";
    static final String API_KEY = "klaviyo.api.key";
    static final String BASE_URL = "klaviyo.base.url";
    static final String LIVE_SINCE = "live.since";
    /** Set by the connector in each task's configuration: the number of tasks sharing the rate limits. */
    static final String RATE_SHARES = "klaviyo.rate.shares";

    static final ConfigDef DEF = StateStoreConfig.define(new ConfigDef()
            .define(FLOW, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                    ConfigDef.ValidString.in(flowNames().toArray(String[]::new)), Importance.HIGH,
                    "The flow whose documents the topics hold and this sink delivers: "
                            + String.join(", ", flowNames()) + ". Its settings go under flow.<setting>, as in"
                            + " nsbridge.yaml's settings: (e.g. flow.list_id for customers).")
            .define(API_KEY, Type.PASSWORD, ConfigDef.NO_DEFAULT_VALUE, nonBlankSecret(),
                    Importance.HIGH, "A Klaviyo private API key (pk_...) with the scopes the flow needs.")
            .define(BASE_URL, Type.STRING, "https://a.klaviyo.com", httpUrl(), Importance.LOW,
                    "Where Klaviyo API requests go; change it only to point at the nsbridge sandbox.")
            .define(LIVE_SINCE, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, instant(), Importance.HIGH,
                    "When the flow went live, as an ISO-8601 instant (2026-07-01T00:00:00Z): orders before it are"
                            + " sent as backfill and opt-ins before it as historical consent, as nsbridge golive"
                            + " records it for the command line.")
            .define(RATE_SHARES, Type.INT, 1, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Set by the connector for each task: the task count that splits Klaviyo's per-endpoint"
                            + " rate limits equally. Not meant to be set by hand."));

    static KlaviyoSinkConfig parse(Map<String, String> raw) {
        Map<String, Object> parsed = DEF.parse(raw);
        FlowType flow = FlowType.fromWireName((String) parsed.get(FLOW)).orElseThrow();
        List<ConfigProblem> problems = new ArrayList<>();
        ConfigValues settings = flowSettings(flow, raw, problems);
        if (!problems.isEmpty()) {
            ConfigProblem first = problems.get(0);
            throw new ConfigException(FLOW_SETTING_PREFIX + first.describe());
        }
        return new KlaviyoSinkConfig(flow, settings, Secret.of(((Password) parsed.get(API_KEY)).value()),
                (String) parsed.get(BASE_URL), Instant.parse((String) parsed.get(LIVE_SINCE)),
                StateStoreConfig.from(parsed), (Integer) parsed.get(RATE_SHARES));
    }

    /**
     * The flow's settings from the {@value #FLOW_SETTING_PREFIX} keys; their problems go to {@code problems}. A
     * setting only the flow's reading uses is refused rather than ignored, with where it belongs, and so is the
     * profile-id write-back: the sink never opens NetSuite.
     */
    static ConfigValues flowSettings(FlowType flow, Map<String, String> raw, List<ConfigProblem> problems) {
        ConfigValues values = FlowSettings.parse(flow.settings(), FLOW_SETTING_PREFIX, raw, problems);
        for (String name : Flows.sourceOnlySettings(flow)) {
            if (flow.settings().key(name).filter(values::isWritten).isPresent()) {
                problems.add(new ConfigProblem(name, ConfigProblem.Kind.INVALID, "is read by the NetSuite source"
                        + " connector's flow:" + flow.wireName() + " stream, not by the sink", "set it on the source"
                        + " connector as flow." + flow.wireName() + "." + name));
            }
        }
        if (flow == FlowType.CUSTOMERS && values.isWritten(CustomerFlowSettings.WRITE_BACK_PROFILE_ID)
                && values.get(CustomerFlowSettings.WRITE_BACK_PROFILE_ID)) {
            problems.add(new ConfigProblem(CustomerFlowSettings.WRITE_BACK_PROFILE_ID.name(),
                    ConfigProblem.Kind.INVALID, "cannot be true here: the sink never writes to NetSuite",
                    "leave it out; the command line's customers flow writes profile ids back"));
        }
        return values;
    }

    static List<String> flowNames() {
        return Flows.fromNetSuite().stream().map(FlowType::wireName).toList();
    }

    private static ConfigDef.Validator httpUrl() {
        return (name, value) -> {
            String text = String.valueOf(value);
            if (!text.startsWith("https://") && !text.startsWith("http://")) {
                throw new ConfigException(name, value, "is not an http(s) URL; write it as https://a.klaviyo.com");
            }
        };
    }

    /** Connect's own non-empty check reads text; a PASSWORD arrives as {@link Password}, and its value stays out. */
    private static ConfigDef.Validator nonBlankSecret() {
        return (name, value) -> {
            if (value instanceof Password secret && secret.value().isBlank()) {
                throw new ConfigException(name + " is empty; give the Klaviyo private API key (pk_...)");
            }
        };
    }

    private static ConfigDef.Validator instant() {
        return (name, value) -> {
            if (value == null) {
                return;
            }
            try {
                Instant.parse(String.valueOf(value));
            } catch (DateTimeParseException e) {
                throw new ConfigException(name, value, "is not an ISO-8601 instant; write it as"
                        + " 2026-07-01T00:00:00Z");
            }
        };
    }

    @Override
    public String toString() {
        return "KlaviyoSinkConfig[flow=" + flow + ", baseUrl=" + baseUrl + ", liveSince=" + liveSince
                + ", rateShares=" + rateShares + "]";
    }
}
