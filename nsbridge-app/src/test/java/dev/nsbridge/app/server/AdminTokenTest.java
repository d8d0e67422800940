package dev.nsbridge.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.engine.store.SqlStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin token: made once and shown once, kept only as a hash, in a file or in a store servers share. */
final class AdminTokenTest {
    @TempDir
    Path folder;

    @Test
    void shouldKeepOnlyTheHashInTheFileAndShowTheTokenOnce() throws Exception {
        AdminToken.Opened first = AdminToken.open(folder, false, new SecureRandom());
        String token = first.newToken().orElseThrow();

        AdminToken.Opened again = AdminToken.open(folder, false, new SecureRandom());

        assertThat(again.newToken()).isEmpty();
        assertThat(again.token().matches(token)).isTrue();
        assertThat(again.token().matches(token + "x")).isFalse();
        assertThat(Files.readString(folder.resolve(AdminToken.FILE_NAME), StandardCharsets.US_ASCII))
                .startsWith("sha256:").doesNotContain(token);
    }

    @Test
    void shouldAgreeOnOneTokenWhenServersSharingAStoreStartTogether() throws Exception {
        try (SqlStores stores = SqlStores.open(folder.resolve("shared.db"), Clock.systemUTC())) {
            ExecutorService starting = Executors.newFixedThreadPool(4);
            List<Future<AdminToken.Opened>> opened = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                opened.add(starting.submit(() -> AdminToken.open(stores.state(), false, new SecureRandom())));
            }
            List<String> shown = new ArrayList<>();
            List<AdminToken> tokens = new ArrayList<>();
            for (Future<AdminToken.Opened> each : opened) {
                each.get().newToken().ifPresent(shown::add);
                tokens.add(each.get().token());
            }
            starting.shutdown();

            assertThat(shown).as("one server makes and shows it").hasSize(1);
            assertThat(tokens).allMatch(token -> token.matches(shown.get(0)));
            assertThat(stores.state().load(AdminToken.SHARED_KEY).orElseThrow().toString())
                    .doesNotContain(shown.get(0));

            AdminToken.Opened reset = AdminToken.open(stores.state(), true, new SecureRandom());
            String replacement = reset.newToken().orElseThrow();
            AdminToken.Opened later = AdminToken.open(stores.state(), false, new SecureRandom());
            assertThat(later.token().matches(replacement)).isTrue();
            assertThat(later.token().matches(shown.get(0))).as("the old token stops working everywhere").isFalse();
        }
    }
}
