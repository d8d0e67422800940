package dev.nsbridge.kafka.connect.recipe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The folder a user runs the recipe in: the plugin folder filled from the archives, as {@code unzip} and
 * {@code tar} fill it, and the files the recipe writes. Where the build put the archives comes from the build
 * (failsafe's system properties).
 */
final class RecipeFolder {
    private final Path root;
    private final Path plugins;

    private RecipeFolder(Path root, Path plugins) {
        this.root = root;
        this.plugins = plugins;
    }

    /** The folder, with the plugin folder the recipe's worker properties name ({@code plugin.path}). */
    static RecipeFolder in(Path root, Properties worker) throws IOException {
        return new RecipeFolder(root, Files.createDirectories(root.resolve(worker.getProperty("plugin.path"))));
    }

    Path root() {
        return root;
    }

    /** Unzips nsbridge's plugin archive, the zip {@code mvn package} built, into the plugin folder. */
    RecipeFolder withNsbridgePlugin() throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(builtFile("nsbridge.connect.plugin.zip")))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = plugins.resolve(entry.getName()).normalize();
                if (!target.startsWith(plugins)) {
                    throw new IOException("the archive's entry " + entry.getName() + " leaves the plugin folder");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return this;
    }

    /** Debezium's JDBC sink, as its published archive unpacks (the build unpacked it). */
    RecipeFolder withDebeziumJdbcPlugin() throws IOException {
        Path unpacked = builtFile("nsbridge.debezium.jdbc.plugin");
        Path target = plugins.resolve(unpacked.getFileName().toString());
        try (Stream<Path> files = Files.walk(unpacked)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(unpacked.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return this;
    }

    /** Writes a file of the recipe into the folder. */
    RecipeFolder write(String name, String text) throws IOException {
        Files.writeString(root.resolve(name), text);
        return this;
    }

    private static Path builtFile(String property) throws IOException {
        String path = System.getProperty(property);
        if (path == null || !Files.exists(Path.of(path))) {
            throw new IOException("no " + property + " (" + path + "): run this test through Maven's failsafe,"
                    + " after package");
        }
        return Path.of(path);
    }
}
