package dev.nsbridge.engine.config;

import dev.nsbridge.spi.errors.ConfigurationException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome of checking a configuration file: the configuration when there were no errors, and every error
 * and warning, in file order.
 */
public record ConfigReport(Optional<NsbridgeConfig> config, List<ConfigIssue> errors, List<ConfigIssue> warnings) {
    public ConfigReport {
        Objects.requireNonNull(config, "config");
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** The configuration, or one exception whose message lists every error, one per line. */
    public NsbridgeConfig orThrow() {
        return config.orElseThrow(() -> new ConfigurationException("CONFIG_INVALID",
                errors.size() + (errors.size() == 1 ? " error" : " errors") + " in the configuration:\n"
                        + errors.stream().map(ConfigIssue::render).collect(Collectors.joining("\n")),
                "correct each line listed, then run again"));
    }
}
