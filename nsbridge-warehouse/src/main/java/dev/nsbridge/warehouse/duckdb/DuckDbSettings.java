package dev.nsbridge.warehouse.duckdb;

import dev.nsbridge.spi.errors.ConfigurationException;
import java.nio.file.Path;

/**
 * Where the DuckDB destination keeps its data.
 *
 * @param file the database file; it and its directory are created when missing
 */
public record DuckDbSettings(Path file) {
    /** The setting's name in {@code nsbridge.yaml}. */
    public static final String FILE_SETTING = "path";

    public DuckDbSettings {
        if (file == null || file.toString().isBlank()) {
            throw new ConfigurationException("CONFIG_MISSING_VALUE", "The DuckDB connection has no " + FILE_SETTING
                    + ".", "Set " + FILE_SETTING + " to the database file, e.g. ./nsbridge.duckdb.");
        }
        file = file.toAbsolutePath().normalize();
    }

    public static DuckDbSettings of(String file) {
        return new DuckDbSettings(file == null ? null : Path.of(file));
    }
}
