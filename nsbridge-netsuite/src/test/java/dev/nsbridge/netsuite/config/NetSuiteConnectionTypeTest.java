package dev.nsbridge.netsuite.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.spi.connection.ConnectionRole;
import dev.nsbridge.spi.connection.ConnectionType;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The NetSuite module declares its connection type where the program looks for it. */
final class NetSuiteConnectionTypeTest {
    @Test
    void shouldBeFoundByTheServiceLoaderAsASourceThatOpensANetSuiteClient() {
        ConnectionType type = ServiceLoader.load(ConnectionType.class).findFirst().orElseThrow();

        assertThat(type.name()).isEqualTo("netsuite");
        assertThat(type.definition()).isSameAs(NetSuiteConnectionConfig.DEFINITION);
        assertThat(type.roles()).containsExactlyInAnyOrder(ConnectionRole.EXTRACT_SOURCE,
                ConnectionRole.FLOW_RECORDS);
        assertThat(type.clients()).containsExactly(NetSuiteClient.class);
    }
}
