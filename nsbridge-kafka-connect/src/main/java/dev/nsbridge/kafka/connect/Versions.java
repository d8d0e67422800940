package dev.nsbridge.kafka.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The plugin's version, as Maven built it, for Connect's {@code version()} answers. */
public final class Versions {
    private static final String VERSION = read();

    private Versions() {
    }

    public static String plugin() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = Versions.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
