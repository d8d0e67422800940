package dev.nsbridge.netsuite.auth;

import dev.nsbridge.netsuite.NetSuiteAccountId;
import dev.nsbridge.spi.errors.ConfigurationException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and as whom to connect to SuiteAnalytics Connect with Oracle's JDBC driver
 * ({@code com.netsuite.jdbc.openaccess.OpenAccessDriver}, which users download from their account). NetSuite2.com is
 * the only data source left (NetSuite.com was removed in 2026.1).
 *
 * @param accountId the account; the host and {@code AccountID} come from it
 * @param roleId    the internal id of the role the access token was issued for, e.g. {@code 3}
 */
public record ConnectJdbcUrl(NetSuiteAccountId accountId, String roleId) {
    /** The user name for a token-based login; the password comes from {@link ConnectPassword}. */
    public static final String USER = "TBA";
    public static final int PORT = 1708;
    private static final Pattern ROLE_ID = Pattern.compile("[0-9]+");

    public ConnectJdbcUrl {
        Objects.requireNonNull(accountId, "accountId");
        if (roleId == null || !ROLE_ID.matcher(roleId).matches()) {
            throw new ConfigurationException("NETSUITE_ROLE_ID", "'" + roleId + "' is not a NetSuite role id",
                    "use the role's internal id (a number) from Setup > Users/Roles > Manage Roles, with"
                            + " Show Internal ID turned on under Home > Set Preferences");
        }
    }

    /** {@code jdbc:ns://<id>.connect.api.netsuite.com:1708;ServerDataSource=NetSuite2.com;…}. */
    public String url() {
        return "jdbc:ns://" + accountId.connectHost() + ":" + PORT
                + ";ServerDataSource=NetSuite2.com;Encrypted=1;NegotiateSSLClose=false"
                + ";CustomProperties=(AccountID=" + accountId.realm() + ";RoleID=" + roleId + ")";
    }

    public String user() {
        return USER;
    }
}
