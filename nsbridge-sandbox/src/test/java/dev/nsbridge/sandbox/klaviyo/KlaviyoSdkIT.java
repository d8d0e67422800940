package dev.nsbridge.sandbox.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.sandbox.OutsideClients;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Klaviyo's official Node SDK, {@code klaviyo-api}, unmodified and pinned, through every operation the local Klaviyo
 * serves ({@code src/test/node/klaviyo-sdk.mjs}). The SDK was written against the real API, so what it sends and
 * what it expects back hold the sandbox to Klaviyo rather than to our own reading of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class KlaviyoSdkIT {
    private static final String SDK = "klaviyo-api";

    private KlaviyoSandbox sandbox;
    private OutsideClients clients;
    private OutsideClients.Run run;

    @BeforeAll
    void runTheSdk() {
        clients = OutsideClients.installed();
        sandbox = KlaviyoSandbox.start(KlaviyoSandbox.Options.defaults());
        sandbox.knobs().jobSpeed(Duration.ZERO, 10_000);
        run = clients.run("klaviyo-sdk.mjs", Map.of("KLAVIYO_BASE_URL", sandbox.baseUrl().toString(),
                "KLAVIYO_API_KEY", sandbox.privateApiKey()));
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @TestFactory
    Stream<DynamicTest> shouldAnswerEachSdkCallAsTheSdkExpects() {
        return run.tests();
    }

    @Test
    void shouldHaveServedEveryOperationItImplementsToTheSdk() {
        KlaviyoContract contract = KlaviyoContract.shared();
        Set<String> answered = sandbox.received().stream().filter(request -> request.status() < 300)
                .map(request -> contract.match(request.method(), request.path()))
                .flatMap(Optional::stream).map(KlaviyoContract.Operation::key)
                .collect(Collectors.toCollection(TreeSet::new));

        Set<String> notExercised = new TreeSet<>(KlaviyoContract.SERVED);
        notExercised.removeAll(answered);
        assertThat(notExercised).as("operations the sandbox serves that the SDK never got a 2xx from").isEmpty();
    }

    @Test
    void shouldHaveBeenCalledByThePinnedSdkAlone() {
        String locked = clients.lockedVersion(SDK);

        assertThat(clients.declaredVersion(SDK)).as("package.json pins an exact version").isEqualTo(locked);
        assertThat(sandbox.received()).isNotEmpty().allSatisfy(request -> assertThat(request.headers().entrySet())
                .filteredOn(header -> header.getKey().equalsIgnoreCase("user-agent"))
                .extracting(Map.Entry::getValue).containsExactly("klaviyo-api-node/" + locked));
    }
}
