package dev.nsbridge.netsuite.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.spi.errors.AuthenticationException;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.errors.InternalException;
import dev.nsbridge.spi.errors.TransientException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/** NetSuite's OAuth 2.0 token endpoint, and what each of its answers means for the caller. */
final class TokenEndpoint {
    static final String INVALID_LOGIN = "INVALID_LOGIN";
    static final String REFUSED_FIX = "check that the client id, the certificate id and the private key belong to"
            + " one active mapping under Setup > Integration > Manage Authentication > OAuth 2.0 Client Credentials"
            + " (M2M) Setup and that its certificate has not expired; that OAuth 2.0 is enabled under Setup >"
            + " Company > Enable Features > SuiteCloud > Manage Authentication and the integration record has the"
            + " Client Credentials (Machine to Machine) grant checked; and that the mapped role has the"
            + " \"Log in using OAuth 2.0 Access Tokens\" permission. NetSuite gives the exact reason only in"
            + " Setup > Users/Roles > User Management > View Login Audit Trail";
    /** NetSuite's tokens last 60 minutes; used only if an answer leaves {@code expires_in} out. */
    private static final Duration ASSUMED_LIFETIME = Duration.ofMinutes(60);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /**
     * OAuth and NetSuite error codes are short words in letters and underscores ({@code invalid_grant},
     * {@code INVALID_LOGIN}); anything else in that field is not repeated, since a server may echo a client id.
     */
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z_]{1,40}");

    private final URI url;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    TokenEndpoint(URI url, HttpClient http) {
        this.url = url;
        this.http = http;
    }

    /** An access token and how long NetSuite said it lasts. */
    record Answer(String accessToken, Duration expiresIn) {
        @Override
        public String toString() {
            return "Answer[accessToken=[hidden], expiresIn=" + expiresIn + "]";
        }
    }

    Answer request(String assertion) {
        String form = "grant_type=client_credentials"
                + "&client_assertion_type=" + formEncode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                + "&client_assertion=" + formEncode(assertion);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransientException("NETSUITE_UNREACHABLE", "the NetSuite token endpoint " + url
                    + " could not be reached: " + e.getClass().getSimpleName(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException("INTERRUPTED", "interrupted while asking " + url + " for a token", null, e);
        }
        return answer(response);
    }

    private Answer answer(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 200) {
            return parse(response.body());
        }
        String detail = "HTTP " + status + errorCode(response.body()).map(code -> " " + code).orElse("");
        if (status == 400 || status == 401 || status == 403) {
            throw new AuthenticationException(INVALID_LOGIN, "NetSuite refused the OAuth 2.0 client-credentials"
                    + " token request at " + url + " (" + detail + ")", REFUSED_FIX);
        }
        if (status == 429 || status >= 500) {
            throw new TransientException(status == 429 ? "CONCURRENCY_LIMIT_EXCEEDED" : "NETSUITE_UNAVAILABLE",
                    "the NetSuite token endpoint answered " + detail, retryAfter(response), null);
        }
        if (status == 404) {
            throw new ConfigurationException("NETSUITE_OAUTH2_TOKEN_URL", "there is no token endpoint at " + url
                    + " (HTTP 404)", "leave NETSUITE_OAUTH2_TOKEN_URL unset to use https://<account>"
                    + ".suitetalk.api.netsuite.com" + OAuth2Credentials.TOKEN_PATH);
        }
        throw new InternalException("NETSUITE_UNEXPECTED_ANSWER", "the NetSuite token endpoint answered " + detail,
                null);
    }

    private Answer parse(String body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            // The cause is left out: Jackson quotes the body, which would hold the token.
            throw new InternalException("NETSUITE_UNEXPECTED_ANSWER", "the NetSuite token endpoint answered 200"
                    + " with something other than JSON", null);
        }
        JsonNode token = node == null ? null : node.get("access_token");
        if (token == null || !token.isTextual() || token.asText().isBlank()) {
            throw new InternalException("NETSUITE_UNEXPECTED_ANSWER", "the NetSuite token endpoint answered 200"
                    + " without an access_token", null);
        }
        JsonNode expiresIn = node.get("expires_in");
        // asLong reads both 3600 and "3600"; NetSuite writes a number, but values as strings are its habit.
        long seconds = expiresIn == null ? 0 : expiresIn.asLong(0);
        return new Answer(token.asText(), seconds > 0 ? Duration.ofSeconds(seconds) : ASSUMED_LIFETIME);
    }

    /** The OAuth {@code error} or NetSuite's {@code o:errorCode}; never a description, which may echo input. */
    private Optional<String> errorCode(String body) {
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            if (node == null) {
                return Optional.empty();
            }
            String code = node.path("error").asText(
                    node.path("o:errorDetails").path(0).path("o:errorCode").asText(""));
            return ERROR_CODE.matcher(code).matches() ? Optional.of(code) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After")
                .filter(value -> value.strip().matches("[0-9]{1,6}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value.strip())))
                .orElse(null);
    }

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
