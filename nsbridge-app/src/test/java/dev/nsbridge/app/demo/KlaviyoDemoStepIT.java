package dev.nsbridge.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class KlaviyoDemoStepIT {
    @TempDir
    Path folder;

    @Test
    void shouldRunTheFlowsIntoALocalKlaviyoAndShowWhatArrived() throws Exception {
        StringWriter printed = new StringWriter();
        try (NetSuiteSandbox sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.02))) {
            PrintWriter out = new PrintWriter(printed);
            DemoContext context = new DemoContext(sandbox, folder, folder.resolve("demo.duckdb"), out, out);
            NetSuiteSandbox.Tba tba = sandbox.credentials().tba();
            context.putEnvironment("NETSUITE_CONSUMER_KEY", tba.consumerKey());
            context.putEnvironment("NETSUITE_CONSUMER_SECRET", tba.consumerSecret());
            context.putEnvironment("NETSUITE_TOKEN_ID", tba.tokenId());
            context.putEnvironment("NETSUITE_TOKEN_SECRET", tba.tokenSecret());

            new KlaviyoDemoStep().run(context);
            out.flush();

            assertThat(printed.toString()).contains("flow customers: succeeded").contains("flow orders: succeeded")
                    .contains("flow items: succeeded").containsPattern("profiles\\s+[1-9]")
                    .containsPattern("subscribed to email\\s+[1-9]").containsPattern("events: Placed Order\\s+[1-9]")
                    .containsPattern("catalog items\\s+[1-9]").doesNotContain(tba.tokenSecret())
                    .doesNotContain(tba.consumerSecret());
        }
    }
}
