package dev.nsbridge.app.cli;

import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An nsbridge.yaml for a test sandbox: TBA written in the file, a DuckDB warehouse beside it, given extracts. */
final class SandboxConfig {
    private SandboxConfig() {
    }

    static Path write(Path folder, NetSuiteSandbox sandbox, String extracts) throws IOException {
        NetSuiteSandbox.Tba tba = sandbox.credentials().tba();
        return Files.writeString(folder.resolve("nsbridge.yaml"), """
                connections:
                  netsuite:
                    type: netsuite
                    account: "%s"
                    base_url: "%s"
                    auth: tba
                    consumer_key: "%s"
                    consumer_secret: "%s"
                    token_id: "%s"
                    token_secret: "%s"
                  warehouse:
                    type: duckdb
                    path: warehouse.duckdb
                extracts:
                %s""".formatted(sandbox.accountId(), sandbox.baseUrl(), tba.consumerKey(), tba.consumerSecret(),
                tba.tokenId(), tba.tokenSecret(), extracts.indent(2)));
    }
}
