package dev.nsbridge.bench;

import dev.nsbridge.spi.secret.Secret;
import java.net.URI;
import java.util.Map;
import java.util.function.Function;

/**
 * How to reach a running sandbox NetSuite: what its startup line names. Travels to child JVMs as environment
 * variables, so no credential appears on a command line.
 */
record SandboxAccess(URI baseUrl, String accountId, String timeZone, Secret consumerKey, Secret consumerSecret,
                     Secret tokenId, Secret tokenSecret) {
    private static final String PREFIX = "NSBRIDGE_BENCH_NETSUITE_";

    Map<String, String> environment() {
        return Map.of(PREFIX + "BASE_URL", baseUrl.toString(), PREFIX + "ACCOUNT", accountId,
                PREFIX + "TIME_ZONE", timeZone, PREFIX + "CONSUMER_KEY", consumerKey.reveal(),
                PREFIX + "CONSUMER_SECRET", consumerSecret.reveal(), PREFIX + "TOKEN_ID", tokenId.reveal(),
                PREFIX + "TOKEN_SECRET", tokenSecret.reveal());
    }

    static SandboxAccess fromEnvironment(Function<String, String> environment) {
        Function<String, String> get = name -> {
            String value = environment.apply(PREFIX + name);
            if (value == null) {
                throw new IllegalStateException(PREFIX + name + " is not set; this JVM is started by ExtractBenchmark");
            }
            return value;
        };
        return new SandboxAccess(URI.create(get.apply("BASE_URL")), get.apply("ACCOUNT"), get.apply("TIME_ZONE"),
                Secret.of(get.apply("CONSUMER_KEY")), Secret.of(get.apply("CONSUMER_SECRET")),
                Secret.of(get.apply("TOKEN_ID")), Secret.of(get.apply("TOKEN_SECRET")));
    }
}
