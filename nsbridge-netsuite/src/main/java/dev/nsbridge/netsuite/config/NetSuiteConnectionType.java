package dev.nsbridge.netsuite.config;

import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.NetSuiteConnection;
import dev.nsbridge.netsuite.check.CheckReport;
import dev.nsbridge.netsuite.check.NetSuiteCheck;
import dev.nsbridge.netsuite.governance.FileLoginRecords;
import dev.nsbridge.netsuite.governance.LoginIdentity;
import dev.nsbridge.netsuite.governance.LoginRecords;
import dev.nsbridge.netsuite.governance.PairedLoginRecords;
import dev.nsbridge.netsuite.governance.StoredLoginRecords;
import dev.nsbridge.netsuite.source.NetSuiteSource;
import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.connection.CheckResult;
import dev.nsbridge.spi.connection.ConnectionContext;
import dev.nsbridge.spi.connection.ConnectionRole;
import dev.nsbridge.spi.connection.ConnectionType;
import dev.nsbridge.spi.source.Source;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code type: netsuite}: an account read by extracts and flows, written by the suppressions flow. */
public final class NetSuiteConnectionType implements ConnectionType {
    public static final String NAME = "netsuite";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "A NetSuite account (SuiteQL over REST, OAuth 2.0 or TBA).";
    }

    @Override
    public ConfigDef definition() {
        return NetSuiteConnectionConfig.DEFINITION;
    }

    @Override
    public Set<ConnectionRole> roles() {
        return Set.of(ConnectionRole.EXTRACT_SOURCE, ConnectionRole.FLOW_RECORDS);
    }

    /** The prerequisites: login, role permissions, features and the concurrency limit, each with its fix. */
    @Override
    public CheckResult check(ConnectionContext context) {
        CheckReport report = new NetSuiteCheck(client(context)).run();
        return new CheckResult(report.passed(), report.toText(), Map.of("report", report.toMap()));
    }

    @Override
    public Source source(ConnectionContext context) {
        return new NetSuiteSource(client(context));
    }

    @Override
    public Set<Class<?>> clients() {
        return Set.of(NetSuiteClient.class);
    }

    @Override
    public <T> Optional<T> client(ConnectionContext context, Class<T> kind) {
        return kind == NetSuiteClient.class ? Optional.of(kind.cast(client(context))) : Optional.empty();
    }

    private static NetSuiteClient client(ConnectionContext context) {
        NetSuiteConnectionConfig settings = NetSuiteConnectionConfig.from(context.name(), context.values());
        NetSuiteConnection connection = NetSuiteConnection.of(settings.accountId(),
                        settings.authenticator(context.http(), context.clock()), context.stateDirectory())
                .withBaseUrl(settings.baseUrl())
                .withConcurrency(settings.concurrency(), settings.reserve())
                .withDates(settings.dateFormat(), settings.timeZone());
        // The login guard counts per login for the whole host, whatever folder this configuration is in, and
        // with the other servers too when the state store is shared.
        LoginIdentity login = LoginIdentity.of(settings.accountId(), connection.auth());
        LoginRecords records = new FileLoginRecords(login, context.hostStateDirectory(), context.clock());
        if (context.sharedStates().isPresent()) {
            records = new PairedLoginRecords(records, new StoredLoginRecords(context.sharedStates().get().get(),
                    login));
        }
        return new NetSuiteClient(connection.withLoginRecords(records), context.http(), context.clock());
    }
}
