package dev.nsbridge.app.connect;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where the NetSuite login guard keeps its count on this host: one directory for every configuration folder, so
 * that the same credentials in three folders count as one login, as NetSuite counts them. It is
 * {@code $NSBRIDGE_LOGIN_GUARD_DIR} when set, else {@code nsbridge/} under {@code $XDG_STATE_HOME} (the XDG base
 * directory for state that outlives a process), else {@code ~/.local/state/nsbridge}.
 */
public final class LoginGuardDirectory {
    public static final String VARIABLE = "NSBRIDGE_LOGIN_GUARD_DIR";

    private LoginGuardDirectory() {
    }

    /**
     * The directory for {@code environment}, the variables a configuration is read with; a variable it lacks is
     * taken from the process, since the directory belongs to the host, not to one configuration.
     */
    public static Path of(Function<String, String> configured) {
        Function<String, String> environment = name -> {
            String value = configured.apply(name);
            return value != null ? value : System.getenv(name);
        };
        String chosen = environment.apply(VARIABLE);
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen).toAbsolutePath();
        }
        String stateHome = environment.apply("XDG_STATE_HOME");
        if (stateHome != null && !stateHome.isBlank() && Path.of(stateHome).isAbsolute()) {
            return Path.of(stateHome, "nsbridge");
        }
        String home = environment.apply("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), ".local", "state",
                "nsbridge");
    }
}
