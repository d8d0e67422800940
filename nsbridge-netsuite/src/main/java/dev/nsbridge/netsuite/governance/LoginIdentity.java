package dev.nsbridge.netsuite.governance;

import dev.nsbridge.netsuite.NetSuiteAccountId;
import dev.nsbridge.netsuite.auth.NetSuiteAuth;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Whose failed logins a {@link LoginGuard} counts: one NetSuite account and one login (a TBA token, or an OAuth 2.0
 * client and certificate), the unit NetSuite's lockout counts for. The login is kept only as a SHA-256 hash of the
 * account and the {@link NetSuiteAuth#loginIdentity()}, so no id of a credential lands in a file or a store.
 *
 * @param account the NetSuite account
 * @param hash    the first 16 bytes of the SHA-256 of account and login, in hex
 */
public record LoginIdentity(NetSuiteAccountId account, String hash) {

    public LoginIdentity {
        Objects.requireNonNull(account, "account");
        if (!hash.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("a login identity is 32 hex digits");
        }
    }

    public static LoginIdentity of(NetSuiteAccountId account, NetSuiteAuth auth) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((account.value() + "\n"
                    + auth.loginIdentity()).getBytes(StandardCharsets.UTF_8));
            return new LoginIdentity(account, HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A name for files and store keys: the account, then the hash. */
    public String key() {
        return account.value() + "-" + hash;
    }
}
