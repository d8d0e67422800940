package dev.nsbridge.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.spi.errors.ConfigurationException;
import java.io.IOException;

/**
 * What {@code nsbridge init --sandbox} needs from a running sandbox's startup line: where it listens, its
 * account, and its TBA credentials. {@code toString} names no secret.
 */
record SandboxCredentials(String baseUrl, String accountId, String timeZone, String consumerKey,
                          String consumerSecret, String tokenId, String tokenSecret) {

    static SandboxCredentials parse(String startupJson) {
        try {
            JsonNode netsuite = new ObjectMapper().readTree(startupJson).path("netsuite");
            JsonNode tba = netsuite.path("tba");
            SandboxCredentials credentials = new SandboxCredentials(netsuite.path("baseUrl").asText(""),
                    netsuite.path("accountId").asText(""), netsuite.path("timeZone").asText("America/Los_Angeles"),
                    tba.path("consumerKey").asText(""), tba.path("consumerSecret").asText(""),
                    tba.path("tokenId").asText(""), tba.path("tokenSecret").asText(""));
            if (credentials.baseUrl().isEmpty() || credentials.accountId().isEmpty()
                    || credentials.tokenSecret().isEmpty()) {
                throw new IOException("no netsuite.baseUrl, accountId or tba in it");
            }
            return credentials;
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException("INIT_BAD_SANDBOX_CREDENTIALS", "the sandbox credentials are not the"
                    + " startup line of nsbridge sandbox (" + e.getClass().getSimpleName() + ")",
                    "start it with ./nsbridge sandbox --credentials-file sandbox.json and pass that file");
        }
    }

    @Override
    public String toString() {
        return "SandboxCredentials[" + accountId + " at " + baseUrl + ", secrets hidden]";
    }
}
