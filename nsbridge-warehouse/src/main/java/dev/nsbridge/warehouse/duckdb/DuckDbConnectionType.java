package dev.nsbridge.warehouse.duckdb;

import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.config.ConfigKey;
import dev.nsbridge.spi.config.Validators;
import dev.nsbridge.spi.connection.CheckResult;
import dev.nsbridge.spi.connection.ConnectionContext;
import dev.nsbridge.spi.connection.ConnectionRole;
import dev.nsbridge.spi.connection.ConnectionType;
import dev.nsbridge.spi.destination.Destination;
import dev.nsbridge.warehouse.LoadMetadata;
import dev.nsbridge.warehouse.WarehouseLogin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** {@code type: duckdb}: the embedded warehouse, one file beside the configuration. */
public final class DuckDbConnectionType implements ConnectionType {
    public static final String NAME = "duckdb";

    public static final ConfigKey<String> PATH = ConfigKey.string(DuckDbSettings.FILE_SETTING,
            "The DuckDB file; the first run creates it with its folder. A relative path starts beside nsbridge.yaml"
                    + " and may not climb out of its folder; write another place absolute.")
            .withDefault("nsbridge.duckdb").validatedBy(Validators.insideConfigFolder());
    public static final ConfigDef DEFINITION = ConfigDef.of(PATH, LoadMetadata.KEY);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "A DuckDB file: the embedded warehouse.";
    }

    @Override
    public ConfigDef definition() {
        return DEFINITION;
    }

    @Override
    public Set<ConnectionRole> roles() {
        return Set.of(ConnectionRole.WAREHOUSE);
    }

    /**
     * A check looks and leaves no trace: an existing file is opened read-only, and a missing one is not made (the
     * first run makes it); then the nearest existing folder on its path must be one this user can write in.
     */
    @Override
    public CheckResult check(ConnectionContext context) {
        Path file = file(context).toAbsolutePath().normalize();
        if (Files.exists(file)) {
            Properties properties = new Properties();
            properties.setProperty("duckdb.read_only", "true");
            return WarehouseLogin.check("jdbc:duckdb:" + file, properties,
                    "check that the path is writable and no other process holds the file");
        }
        Path folder = file.getParent();
        while (folder != null && !Files.exists(folder)) {
            folder = folder.getParent();
        }
        if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
            return CheckResult.failed("cannot create " + file + ": " + (folder == null ? "no folder on its path"
                    : folder + " is not a folder this user can write in"), "point path at a writable folder");
        }
        String detail = file + " does not exist yet; the first run creates it (" + folder + " is writable)";
        return CheckResult.passed("Warehouse: " + detail + "\n", Map.of("detail", detail));
    }

    @Override
    public Destination destination(ConnectionContext context) {
        return new DuckDbDestination(new DuckDbSettings(file(context)), context.values().get(LoadMetadata.KEY),
                context.clock());
    }

    private static Path file(ConnectionContext context) {
        return context.resolve(context.values().get(PATH));
    }
}
