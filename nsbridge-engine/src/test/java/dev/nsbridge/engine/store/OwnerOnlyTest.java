package dev.nsbridge.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.spi.state.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class OwnerOnlyTest {
    @TempDir
    Path folder;

    @Test
    void shouldCreateTheStateDatabaseAndItsLogReadableByItsOwnerOnly() throws Exception {
        Path database = folder.resolve("nsbridge.db");
        try (SqlStores stores = SqlStores.open(database, Clock.systemUTC())) {
            stores.state().save("customers", State.EMPTY.with("watermark", "2024-05-01T09:00:00Z"));

            assertThat(permissions(database)).isEqualTo("rw-------");
            assertThat(permissions(folder.resolve("nsbridge.db-wal"))).as("the write-ahead log").isEqualTo("rw-------");
            assertThat(permissions(folder.resolve("nsbridge.db-shm"))).isEqualTo("rw-------");
        }
    }

    @Test
    void shouldCloseUpAStateDatabaseLeftReadableByOthers() throws Exception {
        Path database = folder.resolve("nsbridge.db");
        try (SqlStores stores = SqlStores.open(database, Clock.systemUTC())) {
            stores.state().save("customers", State.EMPTY.with("offset", 1L));
        }
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));

        try (SqlStores stores = SqlStores.open(database, Clock.systemUTC())) {
            assertThat(stores.state().load("customers")).isPresent();
            assertThat(permissions(database)).isEqualTo("rw-------");
        }
    }

    @Test
    void shouldMakeTheStateFolderOwnerOnlyAndCloseUpTheFilesInIt() throws Exception {
        Path made = folder.resolve("fresh").resolve(".nsbridge");
        OwnerOnly.folder(made);
        assertThat(permissions(made)).isEqualTo("rwx------");

        Path open = Files.createDirectory(folder.resolve(".nsbridge"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path token = Files.writeString(open.resolve("admin-token"), "sha256:00\n");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));
        OwnerOnly.folder(open);

        assertThat(permissions(open)).isEqualTo("rwx------");
        assertThat(permissions(token)).isEqualTo("rw-------");
        assertThat(Files.readString(token)).isEqualTo("sha256:00\n");
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
