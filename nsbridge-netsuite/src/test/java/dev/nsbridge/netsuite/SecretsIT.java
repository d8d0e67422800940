package dev.nsbridge.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.netsuite.auth.OAuth2ClientCredentials;
import dev.nsbridge.netsuite.auth.TbaAuth;
import dev.nsbridge.netsuite.check.CheckReport;
import dev.nsbridge.netsuite.check.NetSuiteCheck;
import dev.nsbridge.netsuite.http.RetryPolicy;
import dev.nsbridge.netsuite.records.RecordType;
import dev.nsbridge.netsuite.suiteql.SuiteQlQuery;
import dev.nsbridge.netsuite.suiteql.SuiteQlRows;
import dev.nsbridge.netsuite.suiteql.SuiteQlSelect;
import dev.nsbridge.netsuite.testing.MemoryLogging;
import dev.nsbridge.netsuite.testing.SandboxClients;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox.Faults;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox.Options;
import dev.nsbridge.spi.errors.NsbridgeException;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret in a log line, exception message, fix, {@code toString} or check report: a representative run of
 * logins that work and fail (TBA and OAuth 2.0), retries and refusals, with everything it produced searched for
 * every credential the sandbox issued.
 */
final class SecretsIT {
    private static final String WRONG_TOKEN_SECRET = "d1f0c3e2b5a4978681706f5e4d3c2b1a0f9e8d7c6b5a49382716051423324150";

    @TempDir
    Path state;
    private NetSuiteSandbox sandbox;
    private SandboxClients clients;
    /** Everything the run produced that a person or a log could see. */
    private final List<String> outputs = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();

    @BeforeEach
    void start() {
        sandbox = NetSuiteSandbox.start(Options.defaults().withScale(0.02));
        clients = new SandboxClients(sandbox, state);
        NetSuiteSandbox.Tba tba = sandbox.credentials().tba();
        secrets.addAll(List.of(tba.consumerKey(), tba.consumerSecret(), tba.tokenId(), tba.tokenSecret(),
                WRONG_TOKEN_SECRET, sandbox.credentials().oauth2().clientId()));
        sandbox.credentials().oauth2().certificates().forEach(c -> secrets.addAll(keyMaterial(c.privateKeyPem())));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** The key's body and each of its lines: a log could print a PEM whole or cut into lines. */
    private static List<String> keyMaterial(String pem) {
        List<String> lines = pem.lines().filter(line -> !line.startsWith("-----") && !line.isBlank()).toList();
        List<String> material = new ArrayList<>(lines);
        material.add(String.join("", lines));
        return material;
    }

    private static String pem(byte[] pkcs8) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n";
    }

    private void expectFailure(Supplier<?> operation) {
        try {
            operation.get();
            outputs.add("(no failure)");
        } catch (NsbridgeException failure) {
            outputs.add(failure.getMessage());
            outputs.add(failure.toString());
            failure.fix().ifPresent(outputs::add);
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            outputs.add(trace.toString());
        }
    }

    private void check(NetSuiteClient client) {
        CheckReport report = new NetSuiteCheck(client).run();
        outputs.add(report.toText());
        outputs.add(report.toJson());
        outputs.add(report.toString());
    }

    private String accessToken(OAuth2ClientCredentials auth) {
        String header = auth.authorization("POST", URI.create(sandbox.baseUrl() + "/services/rest/query/v1/suiteql"));
        return header.substring("Bearer ".length());
    }

    private long readLinesThroughFaults(NetSuiteClient client) {
        sandbox.knobs().faults(new Faults(0.15, 0.15, 0.0, Duration.ZERO, 0.05));
        long rows = 0;
        try (SuiteQlRows lines = client.suiteQl().readByKeyset(SuiteQlSelect.from("transactionline", List.of(
                new Column("transaction", ColumnType.INTEGER), new Column("id", ColumnType.INTEGER))),
                List.of("transaction", "id"), 50)) {
            while (lines.hasNext()) {
                lines.next();
                rows++;
            }
        }
        sandbox.knobs().faults(Faults.NONE);
        return rows;
    }

    @Test
    void shouldKeepEverySecretOutOfLogsErrorsReportsAndToString() throws Exception {
        List<String> logged;
        try (MemoryLogging.Capture capture = MemoryLogging.capture()) {
            runRepresentativeOperations();
            logged = capture.lines();
        }

        assertThat(secrets).allSatisfy(secret -> assertThat(secret).hasSizeGreaterThanOrEqualTo(16));
        // The run did what it claims: retries were logged, logins failed and refusals were reported.
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("retrying the SuiteQL query"));
        assertThat(sandbox.stats().loginAuditTrail()).anyMatch(attempt -> !attempt.accepted());
        assertThat(String.join("\n", outputs)).contains("Invalid login attempt", "stopped calling", "did not answer",
                "valid email");
        for (String text : concat(logged, outputs)) {
            for (String secret : secrets) {
                assertThat(text).as("a log line, error or report").doesNotContain(secret);
            }
        }
    }

    private void runRepresentativeOperations() throws Exception {
        // TBA that works: a read through throttling, server errors and dropped connections, a check, a bad write.
        NetSuiteClient tba = clients.tba();
        assertThat(readLinesThroughFaults(tba)).isPositive();
        check(tba);
        long customer = tba.suiteQl().page(SuiteQlQuery.of("SELECT id FROM customer"), 0, 1).rows().get(0)
                .integer("id");
        expectFailure(() -> {
            tba.records().patch(RecordType.CUSTOMER, customer, new ObjectMapper().createObjectNode()
                    .put("email", "not an email"));
            return null;
        });
        outputs.addAll(List.of(tba.toString(), tba.connection().toString(), tba.connection().auth().toString()));

        // OAuth 2.0 that works, with both certificates; the access tokens it bought are secrets too.
        for (String keyType : List.of("RSA", "EC")) {
            OAuth2ClientCredentials auth = clients.oauth2Auth(clients.certificate(keyType).id(),
                    clients.certificate(keyType).privateKeyPem());
            NetSuiteClient oauth2 = clients.client(auth);
            check(oauth2);
            secrets.add(accessToken(auth));
            outputs.addAll(List.of(oauth2.toString(), oauth2.connection().toString(), auth.toString()));
        }

        // Retries that run out.
        sandbox.knobs().faults(new Faults(1.0, 0.0, 0.0, Duration.ZERO, 0.0));
        NetSuiteClient impatient = clients.client(clients.connection(clients.tbaAuth(
                sandbox.credentials().tba().tokenSecret())).withRetryPolicy(new RetryPolicy(3, Duration.ofMillis(1),
                Duration.ofMillis(5))));
        expectFailure(() -> impatient.suiteQl().page(SuiteQlQuery.of("SELECT id FROM customer"), 0, 1));
        sandbox.knobs().faults(Faults.NONE);

        // Logins that fail: OAuth 2.0 with an unmapped certificate and with a key that is not the certificate's.
        OAuth2ClientCredentials unmapped = clients.oauth2Auth("not-a-mapped-certificate",
                clients.certificate("RSA").privateKeyPem());
        check(clients.client(unmapped));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        String strangerKey = pem(generator.generateKeyPair().getPrivate().getEncoded());
        secrets.addAll(keyMaterial(strangerKey));
        OAuth2ClientCredentials stranger = clients.oauth2Auth(clients.certificate("EC").id(), strangerKey);
        expectFailure(() -> clients.client(stranger).suiteQl());
        outputs.add(stranger.toString());

        // TBA with a wrong token secret until the guard trips, then the check's allowed attempt. Separate state
        // directories keep these failures from tripping the guard of the OAuth 2.0 clients above.
        TbaAuth wrongAuth = clients.tbaAuth(WRONG_TOKEN_SECRET);
        NetSuiteClient wrong = clients.client(wrongAuth);
        for (int i = 0; i < 3; i++) {
            expectFailure(wrong::suiteQl);
        }
        check(clients.client(wrongAuth));
        outputs.addAll(List.of(wrong.toString(), wrongAuth.toString(), wrong.loginGuard().state().toString()));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
