package dev.nsbridge.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.app.Main;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nsbridge serve} against a hostile browser and a nosy neighbour: CSRF, security headers, file modes, logs. */
final class ServeHardeningIT {
    private static final String FLOW = ServeFixture.FLOW;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;
    private static ServeFixture fixture;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        fixture = new ServeFixture(folder, "0 3 1 1 *").start(false);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void shouldRefuseAChangeSentWithTheSessionCookieFromAnotherOrigin() throws Exception {
        String cookie = logIn(null);
        String own = "http://127.0.0.1:" + fixture.server.port();
        String other = "http://127.0.0.1:" + (fixture.server.port() == 9 ? 10 : 9);
        String golive = "/api/pipelines/" + FLOW + "/golive";

        assertThat(browser("POST", golive, cookie, Map.of("Origin", other)).statusCode()).isEqualTo(403);
        assertThat(browser("POST", golive, cookie, Map.of("Origin", "null")).statusCode()).isEqualTo(403);
        assertThat(browser("POST", golive, cookie, Map.of("Referer", other + "/attack.html")).statusCode())
                .as("no Origin, a foreign Referer").isEqualTo(403);
        assertThat(browser("POST", golive, cookie, Map.of()).statusCode()).as("neither header").isEqualTo(403);
        assertThat(browser("POST", "/logout", cookie, Map.of("Origin", other)).statusCode()).isEqualTo(403);
        assertThat(phase()).as("the flow was not put live").isEqualTo("test");

        HttpResponse<String> paused = browser("POST", "/api/pipelines/" + FLOW + "/pause", cookie,
                Map.of("Origin", own));
        assertThat(paused.statusCode()).as("the same cookie from the server's own page").isEqualTo(200);
        assertThat(browser("POST", "/api/pipelines/" + FLOW + "/resume", cookie,
                Map.of("Referer", own + "/")).statusCode()).isEqualTo(200);
        assertThat(fixture.send("POST", "/api/pipelines/" + FLOW + "/pause", fixture.token).statusCode())
                .as("the API with its bearer token and no Origin").isEqualTo(200);
        assertThat(fixture.send("POST", "/api/pipelines/" + FLOW + "/resume", fixture.token).statusCode())
                .isEqualTo(200);
        assertThat(browser("GET", "/api/pipelines/" + FLOW, cookie, Map.of("Origin", other)).statusCode())
                .as("reading changes nothing").isEqualTo(200);
    }

    @Test
    void shouldRefuseALoginPostedFromAnotherOrigin() throws Exception {
        HttpResponse<String> refused = postLogin(Map.of("Origin", "http://127.0.0.1:9"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void shouldPutTheSecurityHeadersOnEveryKindOfAnswer() throws Exception {
        String cookie = logIn(null);
        List<HttpResponse<String>> answers = List.of(
                fixture.get("/api/pipelines"), fixture.get("/api/runs/987654"), fixture.get("/api/nothing-here"),
                fixture.send("GET", "/api/pipelines", null), fixture.get("/nothing-here"),
                fixture.get("/ui/nothing.js"), fixture.get("/ui/app.js"), fixture.send("GET", "/ui/style.css", null),
                fixture.send("GET", "/health", null), fixture.get("/metrics"), fixture.send("GET", "/", null),
                fixture.send("GET", "/login", null), browser("GET", "/", cookie, Map.of()),
                postLogin(Map.of()), browser("POST", "/api/pipelines/" + FLOW + "/pause", cookie, Map.of()));
        assertThat(answers).extracting(HttpResponse::statusCode).contains(200, 302, 401, 403, 404);
        for (HttpResponse<String> answer : answers) {
            String which = answer.request().method() + " " + answer.uri().getPath() + " -> " + answer.statusCode();
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(which).hasValue("nosniff");
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(which).hasValue("DENY");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(which).hasValue("same-origin");
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(which)
                    .hasValueSatisfying(policy -> assertThat(policy).contains("frame-ancestors 'none'"));
            boolean html = answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(which)
                    .hasValueSatisfying(policy -> assertThat(policy).startsWith(html ? "default-src 'self'"
                            : "default-src 'none'"));
        }
    }

    @Test
    void shouldKeepTheStateFilesReadableByTheirOwnerOnlyAndCloseUpOpenOnesAtStart() throws Exception {
        Path state = folder.resolve(".nsbridge");
        Path token = state.resolve(AdminToken.FILE_NAME);
        Path database = folder.resolve("nsbridge.db");
        assertThat(mode(state)).isEqualTo("rwx------");
        assertThat(mode(token)).isEqualTo("rw-------");
        assertThat(mode(database)).isEqualTo("rw-------");

        fixture.stop();
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));
        fixture.start(false);

        assertThat(mode(state)).isEqualTo("rwx------");
        assertThat(mode(token)).isEqualTo("rw-------");
        assertThat(mode(database)).isEqualTo("rw-------");
        assertThat(fixture.get("/api/pipelines").statusCode()).as("the same token still lets in").isEqualTo(200);
    }

    @Test
    void shouldLogOneJsonObjectALineWithLogFormatJson() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--config", fixture.config.toString(), "--port", "0",
                "--log-format", "json").redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(fixture.environment);
        Process serve = builder.start();
        List<String> lines = new ArrayList<>();
        JsonNode listening = null;
        try (BufferedReader err = new BufferedReader(new InputStreamReader(serve.getErrorStream(),
                StandardCharsets.UTF_8))) {
            Thread killer = new Thread(() -> {
                try {
                    if (!serve.waitFor(120, TimeUnit.SECONDS)) {
                        serve.destroyForcibly(); // ends the stream, so a silent server fails the test below
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            killer.setDaemon(true);
            killer.start();
            String line = err.readLine();
            while (line != null) {
                lines.add(line);
                if (line.startsWith("{") && line.contains("listening on")) {
                    listening = JSON.readTree(line);
                    break;
                }
                line = err.readLine();
            }
        } finally {
            serve.destroy();
            if (!serve.waitFor(30, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
        assertThat(listening).as("a JSON log line saying where serve listens, in %s", lines).isNotNull();
        assertThat(listening.path("level").asText()).isEqualTo("INFO");
        assertThat(listening.path("loggerName").asText()).isEqualTo(NsbridgeServer.class.getName());
        assertThat(listening.path("formattedMessage").asText()).startsWith("listening on http://127.0.0.1:");
    }

    /** Logs in as the login form does; answers the session cookie. */
    private String logIn(String origin) throws Exception {
        HttpResponse<String> answer = postLogin(origin == null ? Map.of() : Map.of("Origin", origin));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        String setCookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith(Access.COOKIE + "=");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private HttpResponse<String> postLogin(Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(fixture.url("/login")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(fixture.token,
                        StandardCharsets.UTF_8)));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request as a browser sends it: the session cookie, and whatever Origin or Referer the page gives it. */
    private HttpResponse<String> browser(String method, String path, String cookie, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(fixture.url(path)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Cookie", cookie);
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String phase() throws Exception {
        return fixture.json(fixture.get("/api/pipelines/" + FLOW)).path("phase").asText();
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
