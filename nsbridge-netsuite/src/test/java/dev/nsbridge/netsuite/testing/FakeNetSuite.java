package dev.nsbridge.netsuite.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A scripted HTTP server on loopback for unit tests: each request goes to a handler that answers a status, headers
 * and a body, or drops the connection. Not the sandbox: it knows nothing of NetSuite beyond what a test scripts.
 */
public final class FakeNetSuite implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private volatile Function<Seen, Answer> handler;

    public FakeNetSuite(Function<Seen, Answer> handler) throws IOException {
        this.handler = handler;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** A request as the server saw it. */
    public record Seen(String method, String path, String query, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** An answer; {@link #DROP} closes the connection without one. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public static final Answer DROP = new Answer(-1, Map.of(), "");

        public static Answer json(int status, String body) {
            return new Answer(status, Map.of("Content-Type", "application/json"), body);
        }

        public static Answer error(int status, String code, String detail) {
            return json(status, "{\"type\":\"https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html\","
                    + "\"title\":\"Error\",\"status\":" + status + ",\"o:errorDetails\":[{\"detail\":\""
                    + detail.replace("\"", "\\\"") + "\",\"o:errorCode\":\"" + code + "\"}]}");
        }
    }

    public void answer(Function<Seen, Answer> value) {
        handler = value;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Seen> requests() {
        return List.copyOf(seen);
    }

    public int peakInFlight() {
        return peakInFlight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Seen request = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
            seen.add(request);
            Answer answer = handler.apply(request);
            if (answer.status() < 0) {
                exchange.close();
                return;
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
