package dev.nsbridge.kafka.connect.config;

import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.config.ConfigKey;
import dev.nsbridge.spi.config.ConfigProblem;
import dev.nsbridge.spi.config.ConfigType;
import dev.nsbridge.spi.config.ConfigValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A flow's {@code settings:} as flat connector properties under a prefix: {@code <prefix>list_id=Y6nRLr}, and a
 * map setting as one property per entry ({@code <prefix>metric_names.placed_order=Placed Order NS}), since a
 * connector's configuration holds only text. They are checked by the flow's own declaration, so a connector takes
 * exactly the keys (and gives the same fixes) as {@code nsbridge.yaml}.
 */
public final class FlowSettings {
    private FlowSettings() {
    }

    /**
     * The settings under {@code prefix}, parsed by {@code definition}; each problem goes to {@code problems}, its key
     * relative to the prefix.
     */
    public static ConfigValues parse(ConfigDef definition, String prefix, Map<String, String> properties,
                                     List<ConfigProblem> problems) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (Map.Entry<String, String> property : properties.entrySet()) {
            if (!property.getKey().startsWith(prefix)) {
                continue;
            }
            String name = property.getKey().substring(prefix.length());
            Optional<String> map = mapSetting(definition, name);
            if (map.isPresent()) {
                entries(raw, map.get()).put(name.substring(map.get().length() + 1), property.getValue());
            } else {
                raw.put(name, property.getValue());
            }
        }
        ConfigDef.Result result = definition.parse(raw);
        problems.addAll(result.problems());
        return result.values();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> entries(Map<String, Object> raw, String setting) {
        return (Map<String, String>) raw.computeIfAbsent(setting, absent -> new LinkedHashMap<String, String>());
    }

    /** The map setting {@code name} is one entry of ({@code metric_names.placed_order}), if it is one. */
    private static Optional<String> mapSetting(ConfigDef definition, String name) {
        return definition.keys().stream().filter(key -> key.type() == ConfigType.MAP).map(ConfigKey::name)
                .filter(setting -> name.startsWith(setting + ".")).findFirst();
    }
}
