package dev.nsbridge.netsuite.auth;

import dev.nsbridge.netsuite.NetSuiteAccountId;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.secret.Secret;
import java.util.Objects;

/**
 * Token-based authentication credentials: an integration record's consumer pair and an access token pair. All four
 * are {@link Secret}s, the keys too: NetSuite asks that the consumer key be guarded like a password, and a token id
 * is half of a login.
 *
 * @param accountId      the account; the OAuth realm is its canonical form
 * @param consumerKey    Setup > Integration > Manage Integrations, shown once when the record is saved
 * @param consumerSecret shown beside the consumer key
 * @param tokenId        Setup > Users/Roles > Access Tokens, shown once when the token is created
 * @param tokenSecret    shown beside the token id
 */
public record TbaCredentials(NetSuiteAccountId accountId, Secret consumerKey, Secret consumerSecret, Secret tokenId,
                             Secret tokenSecret) {

    public TbaCredentials {
        Objects.requireNonNull(accountId, "accountId");
        requirePresent(consumerKey, "NETSUITE_CONSUMER_KEY", "consumer key",
                "copy it from the integration record (Setup > Integration > Manage Integrations); if it was lost,"
                        + " reset the credentials there");
        requirePresent(consumerSecret, "NETSUITE_CONSUMER_SECRET", "consumer secret",
                "copy it with the consumer key from the integration record; if it was lost, reset the credentials");
        requirePresent(tokenId, "NETSUITE_TOKEN_ID", "token id",
                "create an access token for the integration, user and role under Setup > Users/Roles > Access"
                        + " Tokens > New");
        requirePresent(tokenSecret, "NETSUITE_TOKEN_SECRET", "token secret",
                "copy it with the token id when the access token is created; if it was lost, create a new token");
    }

    private static void requirePresent(Secret value, String setting, String name, String fix) {
        if (value == null || value.reveal().isBlank()) {
            throw new ConfigurationException(setting, "the NetSuite " + name + " (" + setting + ") is missing", fix);
        }
    }
}
