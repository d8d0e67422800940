package dev.nsbridge.kafka.connect.config;

import org.apache.kafka.common.config.ConfigDef.Validator;
import org.apache.kafka.common.config.ConfigException;

/** Connect validators whose message says what to write instead, as nsbridge's own validators do. */
public final class Checks {
    private Checks() {
    }

    public static Validator atLeast(long minimum) {
        return (name, value) -> {
            if (value instanceof Number number && number.longValue() < minimum) {
                throw new ConfigException(name, value, "is below the minimum " + minimum + "; fix: use " + minimum
                        + " or more");
            }
        };
    }

    public static Validator between(long minimum, long maximum) {
        return (name, value) -> {
            if (value instanceof Number number && (number.longValue() < minimum || number.longValue() > maximum)) {
                throw new ConfigException(name, value, "is outside " + minimum + " to " + maximum + "; fix: use a"
                        + " number from " + minimum + " to " + maximum);
            }
        };
    }
}
