package dev.nsbridge.app.cli;

import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An nsbridge.yaml for a test sandbox: TBA stored encrypted in the file, a DuckDB warehouse beside it, given extracts. */
final class SandboxConfig {
    private SandboxConfig() {
    }

    static Path write(Path folder, NetSuiteSandbox sandbox, String extracts) throws IOException {
        return Files.writeString(folder.resolve("nsbridge.yaml"), "connections:\n" + netSuite(sandbox) + """
                  warehouse:
                    type: duckdb
                    path: warehouse.duckdb
                extracts:
                %s""".formatted(extracts.indent(2)));
    }

    /** The sandbox as the {@code netsuite} connection, its TBA login encrypted: the lines under connections:. */
    static String netSuite(NetSuiteSandbox sandbox) {
        return netSuite(sandbox, sandbox.accountId(), sandbox.credentials().tba().tokenSecret());
    }

    /** As {@link #netSuite(NetSuiteSandbox)}, with the account id as typed and the token secret the test picks. */
    static String netSuite(NetSuiteSandbox sandbox, String account, String tokenSecret) {
        NetSuiteSandbox.Tba tba = sandbox.credentials().tba();
        return """
                  netsuite:
                    type: netsuite
                    account: "%s"
                    base_url: "%s"
                    auth: tba
                    consumer_key: "%s"
                    consumer_secret: "%s"
                    token_id: "%s"
                    token_secret: "%s"
                """.formatted(account, sandbox.baseUrl(), secret("consumer_key", tba.consumerKey()),
                secret("consumer_secret", tba.consumerSecret()), secret("token_id", tba.tokenId()),
                secret("token_secret", tokenSecret));
    }

    private static String secret(String key, String plain) {
        return EncryptedValue.of("connections.netsuite." + key, plain);
    }
}
