package dev.nsbridge.netsuite.auth;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A token endpoint on a loopback port that checks each assertion's signature with the certificate's public key,
 * counts the requests and answers as a test tells it to.
 */
final class FakeTokenEndpoint implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final JWSVerifier verifier;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicReference<SignedJWT> lastAssertion = new AtomicReference<>();
    private final AtomicReference<Map<String, String>> lastForm = new AtomicReference<>(Map.of());
    private final AtomicReference<String> lastContentType = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String errorBody = "";
    private volatile String retryAfter;
    private volatile long expiresIn = 3600;
    private volatile Duration delay = Duration.ZERO;

    FakeTokenEndpoint(PublicKey certificateKey) {
        try {
            this.verifier = certificateKey instanceof ECPublicKey ec ? new ECDSAVerifier(ec)
                    : new RSASSAVerifier((RSAPublicKey) certificateKey);
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.createContext(OAuth2Credentials.TOKEN_PATH, this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    URI tokenUrl() {
        return OAuth2Credentials.tokenUrlAt(baseUrl());
    }

    int calls() {
        return calls.get();
    }

    SignedJWT lastAssertion() {
        return lastAssertion.get();
    }

    Map<String, String> lastForm() {
        return lastForm.get();
    }

    String lastContentType() {
        return lastContentType.get();
    }

    /** Answers every request with this status and body from now on (200 issues tokens again). */
    FakeTokenEndpoint answer(int newStatus, String body, String newRetryAfter) {
        this.status = newStatus;
        this.errorBody = body;
        this.retryAfter = newRetryAfter;
        return this;
    }

    FakeTokenEndpoint expiresIn(long seconds) {
        this.expiresIn = seconds;
        return this;
    }

    FakeTokenEndpoint delay(Duration value) {
        this.delay = value;
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        int call = calls.incrementAndGet();
        try (exchange) {
            Map<String, String> form = parseForm(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            lastForm.set(form);
            lastContentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            SignedJWT jwt = SignedJWT.parse(form.getOrDefault("client_assertion", ""));
            lastAssertion.set(jwt);
            Thread.sleep(delay.toMillis());
            if (!"POST".equals(exchange.getRequestMethod()) || !jwt.verify(verifier)) {
                send(exchange, 400, "{\"error\":\"invalid_client\"}");
            } else if (status != 200) {
                if (retryAfter != null) {
                    exchange.getResponseHeaders().add("Retry-After", retryAfter);
                }
                send(exchange, status, errorBody);
            } else {
                send(exchange, 200, "{\"access_token\":\"access-token-" + call + "\",\"expires_in\":" + expiresIn
                        + ",\"token_type\":\"Bearer\"}");
            }
        } catch (java.text.ParseException | com.nimbusds.jose.JOSEException e) {
            send(exchange, 400, "{\"error\":\"invalid_request\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int code, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
