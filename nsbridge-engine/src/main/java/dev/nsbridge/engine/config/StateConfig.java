package dev.nsbridge.engine.config;

import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.config.ConfigKey;
import dev.nsbridge.spi.config.Validators;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code state:} section: where nsbridge keeps pipeline state, run history and the record-error queue.
 *
 * @param path the embedded database file, absolute
 */
public record StateConfig(Path path) {
    public static final ConfigKey<String> PATH = ConfigKey.string("path",
            "The embedded database file for state, run history and record errors. A relative path is read from"
                    + " the folder of nsbridge.yaml.").withDefault("nsbridge.db").validatedBy(Validators.nonBlank());

    public static final ConfigDef DEF = ConfigDef.of(PATH);

    public StateConfig {
        Objects.requireNonNull(path, "path");
    }

    /** The default: {@code nsbridge.db} beside the configuration file. */
    public static StateConfig besides(Path configFile) {
        return new StateConfig(folderOf(configFile).resolve(PATH.defaultValue().orElseThrow()));
    }

    static Path folderOf(Path configFile) {
        Path parent = configFile.toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }
}
