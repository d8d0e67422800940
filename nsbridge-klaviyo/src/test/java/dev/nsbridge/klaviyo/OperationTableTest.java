package dev.nsbridge.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nsbridge.klaviyo.limits.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

final class OperationTableTest {

    @Test
    void shouldMatchTheSpecsRateLimitsAndScopesForEveryOperationTheClientSends() {
        JsonNode paths = KlaviyoSpec.tree().path("paths");
        for (Operation operation : Operation.values()) {
            JsonNode spec = paths.path(operation.pathTemplate()).path(operation.method().toLowerCase(Locale.ROOT));
            assertThat(spec.isObject()).as("%s in the spec", operation.describe()).isTrue();
            assertThat(spec.path("x-klaviyo-ratelimit").path("burst").asText())
                    .as("burst of %s", operation.describe()).isEqualTo(operation.burstPerSecond() + "/s");
            assertThat(spec.path("x-klaviyo-ratelimit").path("steady").asText())
                    .as("steady of %s", operation.describe()).isEqualTo(operation.steadyPerMinute() + "/m");
            List<String> scopes = new ArrayList<>();
            spec.path("x-klaviyo-scopes").forEach(scope -> scopes.add(scope.asText()));
            assertThat(operation.scopes()).as("scopes of %s", operation.describe())
                    .containsExactlyInAnyOrderElementsOf(scopes);
        }
    }
}
