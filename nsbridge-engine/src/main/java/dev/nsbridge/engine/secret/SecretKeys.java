package dev.nsbridge.engine.secret;

import dev.nsbridge.engine.store.OwnerOnly;
import dev.nsbridge.spi.errors.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the key that opens encrypted configuration values, always outside the configuration file: the environment
 * variable {@value #KEY_VARIABLE} (32 bytes, base64) when set, otherwise a key file, by default
 * {@code ~/.config/nsbridge/secret.key} or wherever {@value #KEY_FILE_VARIABLE} points. The file is created, readable
 * by its owner only, the first time a value is encrypted; like an SSH private key, a file others can read is refused.
 *
 * <pre>{@code
 * SecretKeys keys = SecretKeys.fromSystem();
 * SecretKeys.Opened opened = keys.openOrCreate();        // for `nsbridge secret encrypt`
 * String stored = opened.box().encrypt("connections.erp.token", plain);
 * Optional<SecretBox> box = keys.open();                 // for loading: empty when there is no key at all
 * }</pre>
 */
public final class SecretKeys {
    public static final String KEY_VARIABLE = "NSBRIDGE_SECRET_KEY";
    public static final String KEY_FILE_VARIABLE = "NSBRIDGE_SECRET_KEY_FILE";

    private final Function<String, String> environment;
    private final Path home;
    private final SecureRandom random;

    /**
     * @param environment looks up an environment variable, null when unset ({@code System::getenv})
     * @param home        the user's home folder, under which the default key file lives
     */
    public SecretKeys(Function<String, String> environment, Path home, SecureRandom random) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.home = Objects.requireNonNull(home, "home");
        this.random = Objects.requireNonNull(random, "random");
    }

    public static SecretKeys fromSystem() {
        return new SecretKeys(System::getenv, Path.of(System.getProperty("user.home")), new SecureRandom());
    }

    /**
     * A box that opened and where its key came from.
     *
     * @param box     encrypts and decrypts with the key
     * @param source  where the key came from, for a person: the variable's name or the file's path, never the key
     * @param created whether the key file was made just now, which a person should be told to back up
     */
    public record Opened(SecretBox box, String source, boolean created) {
        public Opened {
            Objects.requireNonNull(box, "box");
            Objects.requireNonNull(source, "source");
        }
    }

    /** The key file used when {@value #KEY_VARIABLE} is not set. */
    public Path keyFile() {
        String override = environment.apply(KEY_FILE_VARIABLE);
        return override != null && !override.isBlank() ? Path.of(override.trim())
                : home.resolve(".config").resolve("nsbridge").resolve("secret.key");
    }

    /**
     * The key, or empty when there is none: no variable, and no file at the default place.
     *
     * @throws ConfigurationException when a key is given but unusable, or {@value #KEY_FILE_VARIABLE} names a
     *                                file that does not exist
     */
    public Optional<Opened> open() {
        if (hasKeyInEnvironment()) {
            return Optional.of(opened(decode(environment.apply(KEY_VARIABLE), "environment variable " + KEY_VARIABLE),
                    false, "environment variable " + KEY_VARIABLE));
        }
        Path file = keyFile();
        if (!Files.exists(file)) {
            if (environment.apply(KEY_FILE_VARIABLE) != null) {
                throw new ConfigurationException("SECRET_KEY_FILE_MISSING", KEY_FILE_VARIABLE + " names " + file
                        + ", which does not exist", "correct " + KEY_FILE_VARIABLE + " or unset it");
            }
            return Optional.empty();
        }
        return Optional.of(opened(read(file), false, file.toString()));
    }

    /** The key, made and stored in the key file first when there is none. */
    public Opened openOrCreate() {
        Path file = keyFile();
        if (hasKeyInEnvironment() || Files.exists(file)) {
            return open().orElseThrow();
        }
        byte[] key = SecretBox.newKey(random);
        try {
            create(file, Base64.getEncoder().encodeToString(key) + "\n");
            return opened(key, true, file.toString());
        } catch (FileAlreadyExistsException e) {
            return opened(read(file), false, file.toString()); // another process made it first: use theirs
        } catch (IOException e) {
            throw new ConfigurationException("SECRET_KEY_FILE_UNWRITABLE", "the secret key file " + file
                    + " cannot be created (" + e.getClass().getSimpleName() + ")",
                    "check that its folder is writable, or set " + KEY_FILE_VARIABLE + " to another path");
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private boolean hasKeyInEnvironment() {
        String value = environment.apply(KEY_VARIABLE);
        return value != null && !value.isBlank();
    }

    private Opened opened(byte[] key, boolean created, String source) {
        try {
            return new Opened(new SecretBox(key, random), source, created);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Creates the file with owner-only permissions from the start, so the key is never readable by others. */
    private static void create(Path file, String content) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        boolean posix = Files.getFileAttributeView(folder.getRoot(), PosixFileAttributeView.class) != null;
        if (posix) {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OwnerOnly.FOLDER));
            }
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OwnerOnly.FILE);
            Files.createFile(file, ownerOnly);
        } else {
            Files.createDirectories(folder);
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }

    private static byte[] read(Path file) {
        try {
            if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (!OwnerOnly.FILE.containsAll(permissions)) {
                    throw new ConfigurationException("SECRET_KEY_FILE_OPEN", "the secret key file " + file
                            + " can be read by others (" + PosixFilePermissions.toString(permissions) + ")",
                            "run chmod 600 " + file + ", or give the key in " + KEY_VARIABLE + " instead");
                }
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII), "the secret key file " + file);
        } catch (IOException e) {
            throw new ConfigurationException("SECRET_KEY_FILE_UNREADABLE", "the secret key file " + file
                    + " cannot be read (" + e.getClass().getSimpleName() + ")",
                    "check that it exists and belongs to the user running nsbridge");
        }
    }

    private static byte[] decode(String text, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw badKey(source);
        }
        if (key.length != SecretBox.KEY_BYTES) {
            Arrays.fill(key, (byte) 0);
            throw badKey(source);
        }
        return key;
    }

    private static ConfigurationException badKey(String source) {
        return new ConfigurationException("SECRET_KEY_INVALID", source + " does not hold a secret key ("
                + SecretBox.KEY_BYTES + " bytes in base64)", "restore the key the values were encrypted with;"
                + " a new one can be made with: head -c 32 /dev/urandom | base64");
    }

    @Override
    public String toString() {
        return "SecretKeys[" + keyFile() + "]";
    }
}
