package dev.nsbridge.warehouse.postgres;

import dev.nsbridge.spi.errors.AuthenticationException;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.errors.InternalException;
import dev.nsbridge.spi.errors.NsbridgeException;
import dev.nsbridge.spi.errors.TransientException;
import java.io.IOException;
import java.sql.SQLException;

/** PostgreSQL's failures as nsbridge errors, in one place, by SQL state class (see PostgreSQL's appendix A). */
final class PostgresErrors {
    private final PostgresSettings settings;

    PostgresErrors(PostgresSettings settings) {
        this.settings = settings;
    }

    NsbridgeException translate(SQLException failure, String doing) {
        String state = String.valueOf(failure.getSQLState());
        String what = "PostgreSQL at " + settings.server() + " failed while " + doing + ": " + failure.getMessage();
        if (state.equals("28P01") || state.equals("28000")) {
            return new AuthenticationException("WAREHOUSE_LOGIN_REFUSED", "PostgreSQL at " + settings.server()
                    + " refused the login of user " + settings.user() + ".", "Check the " + PostgresSettings.USER_SETTING
                    + " and " + PostgresSettings.PASSWORD_SETTING + " settings of the PostgreSQL connection, and that"
                    + " pg_hba.conf lets this user in from this machine.", failure);
        }
        if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || state.equals("40001")
                || state.equals("40P01") || state.equals("55P03") || causedByIo(failure)) {
            return new TransientException("WAREHOUSE_UNAVAILABLE", what, null, failure);
        }
        if (state.equals("3D000")) {
            return new ConfigurationException("WAREHOUSE_DATABASE", what, "Create the database or correct the "
                    + PostgresSettings.URL_SETTING + " setting.", failure);
        }
        if (state.equals("42501")) {
            return new ConfigurationException("WAREHOUSE_PRIVILEGE", what, "Grant user " + settings.user()
                    + " the privileges to create and write tables in the destination schema.", failure);
        }
        if (state.equals("2BP01")) {
            return new ConfigurationException("WAREHOUSE_TABLE_DEPENDENCIES", what, "Views or other objects depend"
                    + " on the table, so drop_create_load cannot drop it: use truncate_load, which keeps the table.",
                    failure);
        }
        if (state.startsWith("22") || state.startsWith("23")) {
            return new ConfigurationException("WAREHOUSE_ROW_REFUSED", what, "Check that the unique key columns are"
                    + " never empty and unique, and that the table's column types fit the stream's values.", failure);
        }
        if (state.startsWith("42") && !state.equals("42601")) {
            return new ConfigurationException("WAREHOUSE_TABLE", what, "Check the destination table setting and the"
                    + " existing table's columns and types.", failure);
        }
        return new InternalException("WAREHOUSE_FAILED", what, "Report this with the log.", failure);
    }

    private static boolean causedByIo(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
