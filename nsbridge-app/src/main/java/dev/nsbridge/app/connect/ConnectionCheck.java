package dev.nsbridge.app.connect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.app.Workspace;
import dev.nsbridge.engine.config.ConnectionConfig;
import dev.nsbridge.klaviyo.Account;
import dev.nsbridge.netsuite.check.CheckReport;
import dev.nsbridge.netsuite.check.NetSuiteCheck;
import dev.nsbridge.spi.errors.NsbridgeException;
import dev.nsbridge.spi.secret.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The "test connection" step for one configured connection: NetSuite's full prerequisite check, Klaviyo's
 * account call, a warehouse's login. Never throws for a failed check; the result says what failed and the fix.
 *
 * @param connection the connection's name in {@code nsbridge.yaml}
 * @param type       its type
 * @param passed     whether nothing failed (warnings allowed)
 * @param text       what a person reads
 * @param json       the same for scripts
 */
public record ConnectionCheck(String connection, String type, boolean passed, String text, ObjectNode json) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static ConnectionCheck run(Workspace workspace, ConnectionConfig connection) {
        try {
            return switch (connection.type()) {
                case ConnectionTypes.NETSUITE -> netsuite(connection, new NetSuiteCheck(
                        workspace.netsuite(connection.name())).run());
                case ConnectionTypes.KLAVIYO -> klaviyo(connection, workspace.klaviyo(connection.name())
                        .testConnection());
                case ConnectionTypes.DUCKDB -> duckDb(workspace, connection);
                case ConnectionTypes.POSTGRES -> warehouse(connection, connection.values().get(
                        ConnectionTypes.POSTGRES_URL), connection.values().get(ConnectionTypes.POSTGRES_USER),
                        connection.values().find(ConnectionTypes.POSTGRES_PASSWORD).orElse(null));
                default -> failed(connection, "no check exists for type " + connection.type(), null);
            };
        } catch (NsbridgeException e) {
            return failed(connection, e.getMessage(), e.fix().orElse(null));
        }
    }

    private static ConnectionCheck netsuite(ConnectionConfig connection, CheckReport report) {
        ObjectNode json = node(connection, report.passed());
        json.set("report", readTree(report.toJson()));
        return new ConnectionCheck(connection.name(), connection.type(), report.passed(), report.toText(), json);
    }

    private static ConnectionCheck klaviyo(ConnectionConfig connection, Account account) {
        String detail = "API key accepted for account " + account.id() + " (" + account.organizationName() + ")"
                + (account.testAccount() ? ", a test account" : "");
        ObjectNode json = node(connection, true).put("detail", detail).put("account", account.id());
        return new ConnectionCheck(connection.name(), connection.type(), true, "Klaviyo: " + detail + "\n", json);
    }

    private static ConnectionCheck warehouse(ConnectionConfig connection, String url, String user, Secret password) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password.reveal());
        }
        return warehouse(connection, url, properties);
    }

    private static ConnectionCheck warehouse(ConnectionConfig connection, String url, Properties properties) {
        try (Connection jdbc = DriverManager.getConnection(url, properties)) {
            String detail = "connected to " + jdbc.getMetaData().getDatabaseProductName() + " "
                    + jdbc.getMetaData().getDatabaseProductVersion();
            return new ConnectionCheck(connection.name(), connection.type(), true,
                    "Warehouse: " + detail + "\n", node(connection, true).put("detail", detail));
        } catch (SQLException e) {
            return failed(connection, "cannot connect: " + e.getMessage(), connection.type().equals(
                    ConnectionTypes.POSTGRES) ? "check url, user and password, and that the server is running"
                    : "check that the path is writable and no other process holds the file");
        }
    }

    /**
     * A check looks and leaves no trace: an existing file is opened read-only, and a missing one is not made (the
     * first run makes it); then the nearest existing folder on its path must be one this user can write in.
     */
    private static ConnectionCheck duckDb(Workspace workspace, ConnectionConfig connection) {
        Path file = workspace.resolve(connection.values().get(ConnectionTypes.DUCKDB_PATH)).toAbsolutePath()
                .normalize();
        if (Files.exists(file)) {
            Properties properties = new Properties();
            properties.setProperty("duckdb.read_only", "true");
            return warehouse(connection, "jdbc:duckdb:" + file, properties);
        }
        Path folder = file.getParent();
        while (folder != null && !Files.exists(folder)) {
            folder = folder.getParent();
        }
        if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
            return failed(connection, "cannot create " + file + ": " + (folder == null ? "no folder on its path"
                    : folder + " is not a folder this user can write in"), "point path at a writable folder");
        }
        String detail = file + " does not exist yet; the first run creates it (" + folder + " is writable)";
        return new ConnectionCheck(connection.name(), connection.type(), true, "Warehouse: " + detail + "\n",
                node(connection, true).put("detail", detail));
    }

    private static ConnectionCheck failed(ConnectionConfig connection, String message, String fix) {
        ObjectNode json = node(connection, false).put("detail", message);
        if (fix != null) {
            json.put("fix", fix);
        }
        return new ConnectionCheck(connection.name(), connection.type(), false,
                "  [failed ] " + message + (fix == null ? "" : "\n            fix: " + fix) + "\n", json);
    }

    private static ObjectNode node(ConnectionConfig connection, boolean passed) {
        return JSON.createObjectNode().put("connection", connection.name()).put("type", connection.type())
                .put("passed", passed);
    }

    private static ObjectNode readTree(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the check report is not JSON", e);
        }
    }
}
