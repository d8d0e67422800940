package dev.nsbridge.netsuite.auth;

import dev.nsbridge.spi.errors.InternalException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Base64(HMAC-SHA256(key, data)), the signature both TBA and the Connect password use. */
final class HmacSha256 {
    private static final String ALGORITHM = "HmacSHA256";

    private HmacSha256() {
    }

    static String base64(String key, String data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // Every Java 17 runtime ships HmacSHA256; getting here means a broken JDK, not bad input.
            throw new InternalException("HMAC_UNAVAILABLE", "HMAC-SHA256 is not available in this Java runtime",
                    "run nsbridge on a standard Java 17 or later runtime", e);
        }
    }
}
