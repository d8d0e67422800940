package dev.nsbridge.netsuite.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.spi.errors.ConfigurationException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * {@link LoginRecords} in a small JSON file per account and login under a directory. A change holds an OS file lock
 * beside it, so every process of the host that uses the directory (servers' pipelines, {@code nsbridge check} in a
 * terminal, whatever their configuration folder) counts into one record; the file is replaced by a move, so a crash
 * never leaves half of it. The directory is made owner-only where the file system allows.
 */
public final class FileLoginRecords implements LoginRecords {
    private final LoginIdentity identity;
    private final Path file;
    private final Path lockFile;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    /** The OS lock is the process's; threads of this process queue here first, per file. */
    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS =
            new ConcurrentHashMap<>();
    /** The same for the attempt lock, which the thread that settles an attempt may not be the one that took it. */
    private static final ConcurrentMap<Path, Semaphore> ATTEMPTS_IN_PROCESS = new ConcurrentHashMap<>();
    private final Path attemptLockFile;

    public FileLoginRecords(LoginIdentity identity, Path directory, Clock clock) {
        this.identity = identity;
        this.file = directory.resolve("netsuite-login-guard-" + identity.key() + ".json");
        this.lockFile = directory.resolve("netsuite-login-guard-" + identity.key() + ".lock");
        this.attemptLockFile = directory.resolve("netsuite-login-guard-" + identity.key() + ".attempt.lock");
        this.clock = clock;
    }

    @Override
    public LoginRecord read() {
        if (!Files.exists(file)) {
            return LoginRecord.CLEAR;
        }
        try {
            JsonNode root = json.readTree(Files.readString(file, StandardCharsets.UTF_8));
            int failures = root.path("consecutiveFailures").asInt(0);
            Optional<Instant> last = root.hasNonNull("lastFailure")
                    ? Optional.of(Instant.parse(root.get("lastFailure").asText())) : Optional.empty();
            // A count without a time (an edited file) is dated now: the wait starts over rather than never.
            return new LoginRecord(failures, failures > 0 && last.isEmpty() ? Optional.of(clock.instant()) : last);
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException("LOGIN_GUARD_STATE", "the login guard's file " + file
                    + " cannot be read", "delete it once the credentials are known to work", e);
        }
    }

    @Override
    public LoginRecord change(UnaryOperator<LoginRecord> change) {
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(lockFile.toAbsolutePath(),
                path -> new ReentrantLock());
        inProcess.lock();
        try {
            createOwnerOnly(file.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock held = channel.lock()) {
                LoginRecord changed = change.apply(read());
                write(changed);
                return changed;
            }
        } catch (IOException e) {
            throw new ConfigurationException("LOGIN_GUARD_STATE", "the login guard cannot write " + file,
                    "make the state directory writable", e);
        } finally {
            inProcess.unlock();
        }
    }

    /**
     * An OS lock on a file of its own for as long as the attempt is out: processes of the host starting together take
     * turns, each seeing the verdict of the one before, and a process killed mid-attempt releases it with its death,
     * so nothing is left counted for an attempt that may never have been made.
     */
    @Override
    public AutoCloseable holdAttempt() throws InterruptedException {
        Semaphore inProcess = ATTEMPTS_IN_PROCESS.computeIfAbsent(attemptLockFile.toAbsolutePath(),
                path -> new Semaphore(1));
        inProcess.acquire();
        try {
            createOwnerOnly(file.getParent());
            FileChannel channel = FileChannel.open(attemptLockFile, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            try {
                FileLock held = channel.lock();
                return () -> {
                    try (channel; held) {
                        // both released here
                    } finally {
                        inProcess.release();
                    }
                };
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            inProcess.release();
            throw new ConfigurationException("LOGIN_GUARD_STATE", "the login guard cannot lock " + attemptLockFile,
                    "make the state directory writable", e);
        }
    }

    @Override
    public String where() {
        return file.toString();
    }

    private static void createOwnerOnly(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }

    private void write(LoginRecord record) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("account", identity.account().value());
        root.put("consecutiveFailures", record.consecutiveFailures());
        root.put("lastFailure", record.lastFailure().map(Instant::toString).orElse(null));
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(temporary, json.writerWithDefaultPrettyPrinter().writeValueAsString(root),
                StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
