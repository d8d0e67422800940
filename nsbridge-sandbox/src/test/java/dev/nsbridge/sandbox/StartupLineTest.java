package dev.nsbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.sandbox.klaviyo.KlaviyoSandbox;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import dev.nsbridge.sandbox.netsuite.data.GeneratedAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class StartupLineTest {

    @Test
    void shouldPrintBothServicesOnOneLineAndKeepTheFileOwnerOnly(@TempDir Path folder) throws Exception {
        MovableClock clock = MovableClock.system();
        NetSuiteSandbox.Options options = NetSuiteSandbox.Options.defaults().withScale(0.01);
        try (NetSuiteSandbox netsuite = NetSuiteSandbox.start(options, GeneratedAccount.generate(options.accountId(),
                options.seed(), options.scale(), ZoneId.of("America/Los_Angeles"), clock), clock);
             KlaviyoSandbox klaviyo = KlaviyoSandbox.start(KlaviyoSandbox.Options.defaults())) {
            String line = SandboxCommand.startupLine(netsuite, klaviyo);
            Path file = folder.resolve("sandbox/credentials.json");
            StartupFile.write(file, line);

            JsonNode json = new ObjectMapper().readTree(line);
            assertThat(line).doesNotContain("\n");
            assertThat(json.path("netsuite").path("baseUrl").asText()).isEqualTo(netsuite.baseUrl().toString());
            assertThat(json.path("netsuite").path("tba").path("tokenSecret").asText())
                    .isEqualTo(netsuite.credentials().tba().tokenSecret());
            assertThat(json.path("klaviyo").path("privateApiKey").asText()).isEqualTo(klaviyo.privateApiKey());
            assertThat(Files.readString(file).strip()).isEqualTo(line);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }
}
