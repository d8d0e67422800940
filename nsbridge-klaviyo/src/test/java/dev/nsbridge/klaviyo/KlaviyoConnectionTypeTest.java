package dev.nsbridge.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.spi.connection.ConnectionRole;
import dev.nsbridge.spi.connection.ConnectionType;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The Klaviyo module declares its connection type where the program looks for it. */
final class KlaviyoConnectionTypeTest {
    @Test
    void shouldBeFoundByTheServiceLoaderAsTheMarketingEndThatOpensAKlaviyoClient() {
        ConnectionType type = ServiceLoader.load(ConnectionType.class).findFirst().orElseThrow();

        assertThat(type.name()).isEqualTo("klaviyo");
        assertThat(type.definition().names()).containsExactly("api_key", "base_url");
        assertThat(type.definition().key("api_key").orElseThrow().isSecret()).isTrue();
        assertThat(type.roles()).containsExactly(ConnectionRole.FLOW_MARKETING);
        assertThat(type.clients()).containsExactly(KlaviyoClient.class);
    }
}
