package dev.nsbridge.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class KlaviyoDemoStepIT {
    private static final Pattern CUSTOMERS = Pattern.compile(
            "flow customers: succeeded, read \\d+, sent (\\d+), refused (\\d+)");
    private static final Pattern WARNED = Pattern.compile("customers sent with a warning\\s+(\\d+)");

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

    @Test
    void shouldSendEveryCustomerWithAUsableEmailOrPhoneAndSayHowManyWentWithAWarning() throws Exception {
        StringWriter printed = new StringWriter();
        try (NetSuiteSandbox sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.02))) {
            PrintWriter out = new PrintWriter(printed);
            DemoContext context = new DemoContext(sandbox, folder, folder.resolve("demo.duckdb"), out, out);
            NetSuiteSandbox.Tba tba = sandbox.credentials().tba();
            context.putEnvironment("NETSUITE_CONSUMER_KEY", tba.consumerKey());
            context.putEnvironment("NETSUITE_CONSUMER_SECRET", tba.consumerSecret());
            context.putEnvironment("NETSUITE_TOKEN_ID", tba.tokenId());
            context.putEnvironment("NETSUITE_TOKEN_SECRET", tba.tokenSecret());
            SandboxContacts expected = SandboxContacts.of(sandbox, "US");

            new KlaviyoDemoStep().run(context);
            out.flush();

            Matcher customers = find(CUSTOMERS, printed.toString());
            Matcher warned = find(WARNED, printed.toString());
            assertThat(expected.warned()).as("customers the sandbox holds with one bad contact field").isPositive();
            assertThat(Long.parseLong(customers.group(1))).as("sent").isEqualTo(expected.reachable());
            assertThat(Long.parseLong(customers.group(2))).as("refused").isEqualTo(expected.unreachable());
            assertThat(Long.parseLong(warned.group(1))).as("sent with a warning").isEqualTo(expected.warned());
        }
    }

    private static Matcher find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(pattern + " in\n" + text).isTrue();
        return matcher;
    }
}
