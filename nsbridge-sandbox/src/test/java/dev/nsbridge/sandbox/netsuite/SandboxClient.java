package dev.nsbridge.sandbox.netsuite;

import com.google.api.client.auth.oauth.OAuthHmacSha256Signer;
import com.google.api.client.auth.oauth.OAuthParameters;
import com.google.api.client.http.GenericUrl;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The tests' client: the JDK's HTTP client, with TBA headers signed by Google's OAuth 1.0a implementation, which
 * nobody here wrote, so the server's checks are not tested against its own idea of the protocol.
 */
final class SandboxClient {
    private final NetSuiteSandbox sandbox;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SecureRandom random = new SecureRandom();

    SandboxClient(NetSuiteSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** What can vary in a TBA header; {@link #tba()} gives the correct one for now. */
    record Tba(String realm, String consumerSecret, String nonce, long timestamp) {
        Tba withRealm(String value) {
            return new Tba(value, consumerSecret, nonce, timestamp);
        }

        Tba withConsumerSecret(String value) {
            return new Tba(realm, value, nonce, timestamp);
        }

        Tba withNonce(String value) {
            return new Tba(realm, consumerSecret, value, timestamp);
        }

        Tba withTimestamp(long value) {
            return new Tba(realm, consumerSecret, nonce, value);
        }
    }

    Tba tba() {
        byte[] nonce = new byte[10];
        random.nextBytes(nonce);
        return new Tba(sandbox.accountId(), sandbox.credentials().tba().consumerSecret(),
                HexFormat.of().formatHex(nonce), sandbox.clock().instant().getEpochSecond());
    }

    /** An {@code Authorization} header signed by google-oauth-client for this method and URL (query included). */
    String authorization(String method, URI url, Tba tba) {
        NetSuiteSandbox.Tba credentials = sandbox.credentials().tba();
        OAuthHmacSha256Signer signer = new OAuthHmacSha256Signer(tba.consumerSecret());
        signer.setTokenSecret(credentials.tokenSecret());
        OAuthParameters parameters = new OAuthParameters();
        parameters.signer = signer;
        parameters.consumerKey = credentials.consumerKey();
        parameters.token = credentials.tokenId();
        parameters.realm = tba.realm();
        parameters.nonce = tba.nonce();
        parameters.timestamp = String.valueOf(tba.timestamp());
        parameters.version = "1.0";
        try {
            parameters.computeSignature(method, new GenericUrl(url.toString()));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(unavailable);
        }
        return parameters.getAuthorizationHeader();
    }

    URI url(String pathAndQuery) {
        return sandbox.baseUrl().resolve(pathAndQuery);
    }

    HttpRequest.Builder request(String method, String pathAndQuery, String body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return HttpRequest.newBuilder(url(pathAndQuery)).method(method, publisher).timeout(Duration.ofSeconds(30));
    }

    /** A correctly signed TBA request. */
    HttpResponse<String> signed(String method, String pathAndQuery, String body) {
        HttpRequest.Builder builder = request(method, pathAndQuery, body)
                .header("Authorization", authorization(method, url(pathAndQuery), tba()));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        return send(builder.build());
    }

    /** SuiteQL with {@code Prefer: transient}, signed. */
    HttpResponse<String> suiteQl(String query, String q) {
        String path = "/services/rest/query/v1/suiteql" + query;
        return send(request("POST", path, "{\"q\":\"" + q + "\"}")
                .header("Authorization", authorization("POST", url(path), tba()))
                .header("Prefer", "transient").header("Content-Type", "application/json").build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    HttpClient http() {
        return http;
    }
}
