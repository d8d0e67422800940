package dev.nsbridge.warehouse.postgres;

import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.secret.Secret;

/**
 * How to reach the PostgreSQL warehouse.
 *
 * @param url      a JDBC URL, e.g. {@code jdbc:postgresql://db.example.com:5432/analytics}
 * @param user     the login
 * @param password the login's password; never printed
 */
public record PostgresSettings(String url, String user, Secret password) {
    public static final String URL_SETTING = "url";
    public static final String USER_SETTING = "user";
    public static final String PASSWORD_SETTING = "password";
    private static final String PREFIX = "jdbc:postgresql:";

    public PostgresSettings {
        if (url == null || !url.startsWith(PREFIX)) {
            throw new ConfigurationException("CONFIG_INVALID_VALUE", "The PostgreSQL " + URL_SETTING
                    + " does not start with " + PREFIX + ".", "Set " + URL_SETTING
                    + " to a JDBC URL such as jdbc:postgresql://host:5432/database.");
        }
        if (url.contains("password=")) {
            throw new ConfigurationException("CONFIG_INVALID_VALUE", "The PostgreSQL " + URL_SETTING
                    + " carries a password.", "Move the password out of the " + URL_SETTING + " into setting "
                    + PASSWORD_SETTING + ", so it is kept and shown as a secret.");
        }
        if (user == null || user.isBlank()) {
            throw new ConfigurationException("CONFIG_MISSING_VALUE", "The PostgreSQL connection has no "
                    + USER_SETTING + ".", "Set " + USER_SETTING + " to the login nsbridge writes as.");
        }
        password = password == null ? Secret.of("") : password;
    }

    /** The URL without its parameters, for messages. */
    String server() {
        int parameters = url.indexOf('?');
        return parameters < 0 ? url : url.substring(0, parameters);
    }

    @Override
    public String toString() {
        return "PostgresSettings[url=" + server() + ", user=" + user + ", password=" + password + "]";
    }
}
