package dev.nsbridge.netsuite;

import dev.nsbridge.spi.errors.ConfigurationException;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A NetSuite account id and the names derived from it. Users type ids in several ways ({@code 1234567_sb1},
 * {@code 1234567-SB1}); NetSuite writes them upper case with an underscore, and that is what the OAuth realm
 * must be, while host names use the lower-case, dashed form.
 */
public record NetSuiteAccountId(String value) {
    private static final Pattern VALID = Pattern.compile("[0-9A-Z]+(_(SB|RP|TD)[0-9]+)?");

    public NetSuiteAccountId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("not a canonical NetSuite account id: " + value);
        }
    }

    /** Reads an id as a user may type it; a wrong one names what an id looks like. */
    public static NetSuiteAccountId parse(String text) {
        String canonical = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        if (!VALID.matcher(canonical).matches()) {
            throw new ConfigurationException("NETSUITE_ACCOUNT_ID", "'" + text + "' is not a NetSuite account id",
                    "use the id shown under Setup > Company > Company Information > Account ID, e.g. 1234567 or"
                            + " 1234567_SB1 for a sandbox");
        }
        return new NetSuiteAccountId(canonical);
    }

    /** The OAuth 1.0a realm: the id exactly as NetSuite writes it. */
    public String realm() {
        return value;
    }

    /** The id as host names use it: lower case, {@code _} turned into {@code -}. */
    public String hostLabel() {
        return value.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code <id>.suitetalk.api.netsuite.com}, the REST host. */
    public String restHost() {
        return hostLabel() + ".suitetalk.api.netsuite.com";
    }

    /** {@code https://<id>.suitetalk.api.netsuite.com}, where REST paths start. */
    public URI restBaseUrl() {
        return URI.create("https://" + restHost());
    }

    /** {@code <id>.connect.api.netsuite.com}, the SuiteAnalytics Connect host (port 1708). */
    public String connectHost() {
        return hostLabel() + ".connect.api.netsuite.com";
    }

    @Override
    public String toString() {
        return value;
    }
}
