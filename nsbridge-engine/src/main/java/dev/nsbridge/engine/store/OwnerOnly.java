package dev.nsbridge.engine.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps nsbridge's state files readable by their owner only (files 0600, folders 0700): the state database holds
 * customer emails in record errors, and the state folder holds the admin token's hash and the login guard's count.
 * New files are made so from the start; files an older version (or a umask) left open are closed up at each start.
 * On a file system without POSIX permissions (Windows) this does nothing: there the folder's ACL decides.
 */
public final class OwnerOnly {
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    /** SQLite's companions of a database file, which hold the same rows. */
    private static final String[] COMPANIONS = {"-wal", "-shm", "-journal"};

    private OwnerOnly() {
    }

    /**
     * Creates the database file owner-only if it is missing, and makes it and its companions owner-only if not.
     * SQLite gives the write-ahead log and the shared-memory file the database file's permissions when it makes
     * them, so creating the database file first is what keeps those closed too.
     */
    public static void database(Path file) {
        try {
            if (!posix(file.toAbsolutePath().getParent())) {
                return;
            }
            if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createFile(file, attribute(FILE));
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another process made it first; its permissions are set below
                }
            }
            restrict(file, FILE);
            for (String companion : COMPANIONS) {
                Path sibling = file.resolveSibling(file.getFileName() + companion);
                if (Files.exists(sibling, LinkOption.NOFOLLOW_LINKS)) {
                    restrict(sibling, FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + file + " readable by its owner only", e);
        }
    }

    /** Creates {@code folder} owner-only if it is missing, else makes it and the files right in it owner-only. */
    public static void folder(Path folder) {
        try {
            Path parent = folder.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!posix(parent)) {
                Files.createDirectories(folder);
                return;
            }
            if (Files.notExists(folder)) {
                try {
                    Files.createDirectory(folder, attribute(FOLDER));
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another process made it first; its permissions are set below
                }
            }
            restrict(folder, FOLDER);
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                        restrict(file, FILE);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + folder + " readable by its owner only", e);
        }
    }

    private static boolean posix(Path folder) {
        Path existing = folder;
        while (existing != null && Files.notExists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (!Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(permissions)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
