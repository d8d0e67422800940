package dev.nsbridge.warehouse.duckdb;

import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.errors.InternalException;
import dev.nsbridge.spi.errors.NsbridgeException;
import dev.nsbridge.spi.errors.TransientException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * DuckDB's failures as nsbridge errors, in one place. DuckDB's JDBC driver sets no SQL state, so the error
 * class at the start of its message ("Constraint Error: ...") is what tells them apart.
 */
final class DuckDbErrors {
    private final Path file;

    DuckDbErrors(Path file) {
        this.file = file;
    }

    NsbridgeException translate(SQLException failure, String doing) {
        String message = String.valueOf(failure.getMessage());
        String what = "DuckDB failed while " + doing + " in " + file + ": " + firstLine(message);
        if (message.contains("Could not set lock") || message.contains("Conflicting lock")) {
            return new TransientException("WAREHOUSE_BUSY", "The DuckDB file " + file + " is open in another"
                    + " process; close that process (a DuckDB shell, another nsbridge) or wait for it.", null, failure);
        }
        if (message.startsWith("Out of Memory Error")) {
            return new TransientException("WAREHOUSE_OUT_OF_MEMORY", what, null, failure);
        }
        if (message.contains("database file with version number")) {
            // A storage format this DuckDB cannot read (one written by a newer DuckDB, or one too old to read).
            return new ConfigurationException("WAREHOUSE_FILE_VERSION", what, "The file was written by a DuckDB"
                    + " that this nsbridge's DuckDB " + driverVersion() + " cannot read. Either open it with the DuckDB"
                    + " that wrote it, run EXPORT DATABASE, and IMPORT DATABASE into a new file with DuckDB "
                    + driverVersion() + "; or set " + DuckDbSettings.FILE_SETTING + " to a new file and run"
                    + " nsbridge run --full-refresh to load it again from NetSuite.", failure);
        }
        if (message.startsWith("IO Error") || message.contains("Permission denied")) {
            return new ConfigurationException("WAREHOUSE_FILE", what, "Check that setting "
                    + DuckDbSettings.FILE_SETTING + " names a file nsbridge may create and write.", failure);
        }
        if (message.startsWith("Constraint Error") || message.startsWith("Conversion Error")
                || message.startsWith("Out of Range Error") || message.startsWith("Invalid Input Error")) {
            return new ConfigurationException("WAREHOUSE_ROW_REFUSED", what, "Check that the unique key columns"
                    + " are never empty and that the table's column types fit the stream's values.", failure);
        }
        if (message.startsWith("Catalog Error") || message.startsWith("Dependency Error")) {
            return new ConfigurationException("WAREHOUSE_TABLE", what, "Check the destination table setting and"
                    + " what else in the database depends on or is named like that table.", failure);
        }
        return new InternalException("WAREHOUSE_FAILED", what, "Report this with the log.", failure);
    }

    private static String driverVersion() {
        return String.valueOf(org.duckdb.DuckDBDriver.class.getPackage().getImplementationVersion());
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
