package dev.nsbridge.testsupport;

import dev.nsbridge.spi.secret.Secret;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests and benchmarks: a fresh cluster in a temporary directory on a free port of
 * 127.0.0.1, started from the newest server binaries under {@code /usr/lib/postgresql/<version>/bin} (Debian's
 * {@code postgresql} package), tuned for speed over durability (fsync off), and stopped and deleted on
 * {@link #close()}. Log in as {@link #USER} with {@link #PASSWORD}; {@link #createDatabase()} gives each test an
 * empty database of its own. Tests usually get one shared server per run through {@link PostgresServers}.
 *
 * <p>initdb and postgres refuse to run as root, so as root they run as the {@code postgres} user (which the Debian
 * package creates) over a directory that user owns.
 */
public final class PostgresServer implements AutoCloseable {
    /** The login to use: it may create databases, and owns those {@link #createDatabase()} makes. */
    public static final String USER = "nsbridge";
    /** {@link #USER}'s password; a fixed test value, for a server that listens only on 127.0.0.1. */
    public static final Secret PASSWORD = Secret.of("test-only-pg-password");
    private static final Path INSTALLS = Path.of("/usr/lib/postgresql");
    private static final String SUPERUSER_PASSWORD = "test-only-superuser-password";

    private final Path bin;
    private final Path directory;
    private final int port;
    private final boolean asPostgresUser;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path bin, Path directory, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /**
     * Creates and starts a new cluster, with the role {@link #USER} able to log in over TCP with {@link #PASSWORD}.
     *
     * @throws AssertionError when no PostgreSQL server binaries are installed, saying how to install them
     */
    public static PostgresServer start() throws Exception {
        Path bin = newestBin().orElseThrow(() -> new AssertionError("No PostgreSQL server binaries under "
                + INSTALLS + "/<version>/bin: install them with `apt-get install postgresql`, or run ./run-tests,"
                + " which does."));
        boolean root = "root".equals(System.getProperty("user.name"));
        Path directory = Files.createTempDirectory("nsbridge-pg-");
        Files.writeString(directory.resolve("pwfile"), SUPERUSER_PASSWORD + "\n");
        if (root) {
            UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(directory, users.lookupPrincipalByName("postgres"));
            Files.setOwner(directory.resolve("pwfile"), users.lookupPrincipalByName("postgres"));
        }
        PostgresServer server = new PostgresServer(bin, directory, freePort(), root);
        server.run("initdb", "-D", server.data(), "-U", "postgres", "-E", "UTF8", "--no-locale", "--no-sync",
                "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile=" + directory.resolve("pwfile"));
        server.run("pg_ctl", "-D", server.data(), "-l", directory.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + server.port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c synchronous_commit=off -c full_page_writes=off", "start");
        server.superuser("CREATE ROLE " + USER + " LOGIN CREATEDB PASSWORD '" + PASSWORD.reveal() + "'");
        return server;
    }

    /** The TCP port the server listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** A new empty database owned by {@link #USER}, so each test starts clean; returns its JDBC URL. */
    public String createDatabase() throws SQLException {
        String name = "test_" + databases.incrementAndGet();
        superuser("CREATE DATABASE " + name + " OWNER " + USER);
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    /** Runs a statement as the superuser, e.g. to end another session. */
    public void superuser(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port
                + "/postgres", "postgres", SUPERUSER_PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Stops the server at once (no checkpoint) and deletes its directory. */
    @Override
    public void close() throws Exception {
        try {
            run("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
        } finally {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private String data() {
        return directory.resolve("data").toString();
    }

    private void run(String program, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // pg_ctl's server keeps no handle on our pipe (it logs to a file), so reading to the end terminates.
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(program + " failed: " + output + serverLog());
        }
    }

    private String serverLog() throws IOException {
        Path log = directory.resolve("server.log");
        return Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : "";
    }

    private static Optional<Path> newestBin() throws IOException {
        if (!Files.isDirectory(INSTALLS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(INSTALLS)) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                    .max(Comparator.comparing(PostgresServer::version)).map(v -> v.resolve("bin"));
        }
    }

    private static double version(Path directory) {
        try {
            return Double.parseDouble(directory.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
