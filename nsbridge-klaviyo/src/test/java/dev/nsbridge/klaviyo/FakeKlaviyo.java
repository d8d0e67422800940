package dev.nsbridge.klaviyo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A local HTTP server that records every request the client sends and answers it with a plausible JSON:API document
 * per operation, or with answers a test queued first. It is no sandbox: it checks nothing itself; the contract test
 * validates what it recorded against Klaviyo's spec.
 */
final class FakeKlaviyo implements AutoCloseable {
    /** One recorded request; header names lower-cased. */
    record Captured(String method, String path, String rawQuery, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** What to answer, its body encoded in {@code charset}; an empty body is sent as no body. */
    record Answer(int status, Map<String, String> headers, String body, Charset charset) {
        Answer(int status, Map<String, String> headers, String body) {
            this(status, headers, body, StandardCharsets.UTF_8);
        }

        static Answer of(int status, String body) {
            return new Answer(status, Map.of(), body);
        }
    }

    private final HttpServer server;
    private final List<Captured> captured = new ArrayList<>();
    private final Deque<Answer> queued = new ArrayDeque<>();

    FakeKlaviyo() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized void enqueue(Answer... answers) {
        queued.addAll(List.of(answers));
    }

    synchronized List<Captured> captured() {
        return List.copyOf(captured);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(java.util.Locale.ROOT), List.copyOf(values)));
        URI uri = exchange.getRequestURI();
        Captured request = new Captured(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers, body);
        Answer answer;
        synchronized (this) {
            captured.add(request);
            answer = queued.isEmpty() ? CannedAnswers.answer(request, baseUri()) : queued.poll();
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(answer.charset());
        if (bytes.length > 0 && !answer.headers().containsKey("Content-Type")) {
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.api+json");
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
