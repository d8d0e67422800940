package dev.nsbridge.app.server;

import dev.nsbridge.spi.config.ConfigKey;
import dev.nsbridge.spi.config.ConfigValues;
import dev.nsbridge.spi.secret.Secret;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Configured values as the API and UI may show them: every key that is written or has a default, a secret key as
 * {@value #HIDDEN} whatever it holds. Values become strings, lists and maps only, so no object's own
 * serialisation can leak anything.
 */
final class SafeSettings {
    static final String HIDDEN = "[hidden]";

    private SafeSettings() {
    }

    static Map<String, Object> of(ConfigValues values) {
        Map<String, Object> shown = new LinkedHashMap<>();
        for (ConfigKey<?> key : values.definition().keys()) {
            if (key.isSecret()) {
                if (values.isWritten(key)) {
                    shown.put(key.name(), HIDDEN);
                }
                continue;
            }
            Optional<?> value = values.find(key);
            value.ifPresent(v -> shown.put(key.name(), plain(v)));
        }
        return shown;
    }

    /** Every secret value held, to scrub from anything leaving the process should one slip into a message. */
    static List<String> secretsIn(ConfigValues values) {
        return values.definition().keys().stream().filter(ConfigKey::isSecret).map(values::find)
                .flatMap(Optional::stream).filter(Secret.class::isInstance).map(v -> ((Secret) v).reveal())
                .toList();
    }

    private static Object plain(Object value) {
        if (value instanceof Secret) {
            return HIDDEN;
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(SafeSettings::plain).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return value instanceof Enum<?> e ? e.name().toLowerCase(java.util.Locale.ROOT) : String.valueOf(value);
    }
}
