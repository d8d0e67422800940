package dev.nsbridge.warehouse;

import dev.nsbridge.spi.connection.CheckResult;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/** A warehouse's "test connection" step: one JDBC login, which names the database it reached. */
public final class WarehouseLogin {
    private WarehouseLogin() {
    }

    /**
     * @param fix what to check when the login fails; the driver's message says why, without the password
     */
    public static CheckResult check(String url, Properties properties, String fix) {
        try (Connection jdbc = DriverManager.getConnection(url, properties)) {
            String detail = "connected to " + jdbc.getMetaData().getDatabaseProductName() + " "
                    + jdbc.getMetaData().getDatabaseProductVersion();
            return CheckResult.passed("Warehouse: " + detail + "\n", Map.of("detail", detail));
        } catch (SQLException e) {
            return CheckResult.failed("cannot connect: " + e.getMessage(), fix);
        }
    }
}
