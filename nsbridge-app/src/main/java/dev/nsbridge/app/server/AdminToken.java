package dev.nsbridge.app.server;

import dev.nsbridge.engine.store.StateStore;
import dev.nsbridge.spi.state.State;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's admin token. Only its SHA-256 is kept (in {@code admin-token} under the state directory, or, for
 * servers sharing a PostgreSQL state store, in that store, so every one of them takes the same token), so a copy
 * of the state does not let anyone in; the token itself is shown once, when it is made. A plain hash
 * suffices: the token is 32 random bytes, so there is nothing for a slow hash to protect against guessing.
 */
public final class AdminToken {
    static final String FILE_NAME = "admin-token";
    /** The shared store's key; pipeline names cannot hold a colon, so it never meets one. */
    static final String SHARED_KEY = "server:admin-token";
    private static final String PREFIX = "sha256:";
    private static final int TOKEN_BYTES = 32;

    private final byte[] hash;

    private AdminToken(byte[] hash) {
        this.hash = hash;
    }

    /**
     * What opening the token store did.
     *
     * @param token    checks presented tokens
     * @param newToken the token just made, to show once; empty when an existing one was kept
     */
    public record Opened(AdminToken token, Optional<String> newToken) {
        public Opened {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(newToken, "newToken");
        }
    }

    /** Keeps the stored token, or makes one when there is none or {@code reset} asks for a new one. */
    public static Opened open(Path stateDirectory, boolean reset, SecureRandom random) {
        Path file = stateDirectory.resolve(FILE_NAME);
        try {
            if (!reset && Files.isRegularFile(file)) {
                String stored = Files.readString(file, StandardCharsets.US_ASCII).trim();
                if (stored.startsWith(PREFIX)) {
                    return new Opened(new AdminToken(HexFormat.of().parseHex(stored.substring(PREFIX.length()))),
                            Optional.empty());
                }
            }
            String token = newToken(random);
            byte[] hash = sha256(token);
            write(stateDirectory, file, PREFIX + HexFormat.of().formatHex(hash) + "\n");
            return new Opened(new AdminToken(hash), Optional.of(token));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the admin token in " + file, e);
        }
    }

    /**
     * As {@link #open(Path, boolean, SecureRandom)}, kept in a state store several servers share. Servers starting
     * together agree: the first to write makes the token and shows it, the others take that one.
     */
    public static Opened open(StateStore shared, boolean reset, SecureRandom random) {
        String token = newToken(random);
        String hash = PREFIX + HexFormat.of().formatHex(sha256(token));
        State kept = shared.update(SHARED_KEY, current -> current
                .filter(state -> !reset && state.string("hash").filter(h -> h.startsWith(PREFIX)).isPresent())
                .orElse(State.EMPTY.with("hash", hash)));
        String stored = kept.string("hash").orElseThrow();
        return new Opened(new AdminToken(HexFormat.of().parseHex(stored.substring(PREFIX.length()))),
                stored.equals(hash) ? Optional.of(token) : Optional.empty());
    }

    private static String newToken(SecureRandom random) {
        byte[] raw = new byte[TOKEN_BYTES];
        random.nextBytes(raw);
        return "nsb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** Whether {@code presented} is the token; compares in constant time. */
    public boolean matches(String presented) {
        return presented != null && !presented.isEmpty() && MessageDigest.isEqual(hash, sha256(presented.trim()));
    }

    /** Written beside and then moved over the old file, so a crash never leaves the server with no token at all. */
    private static void write(Path folder, Path file, String content) throws IOException {
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, FILE_NAME, ".tmp");
        if (Files.getFileAttributeView(temporary, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(temporary, content, StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "AdminToken[hidden]";
    }
}
