package dev.nsbridge.netsuite.testing;

import dev.nsbridge.netsuite.auth.NetSuiteAuth;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/** Signs with a fixed bearer token and counts invalidations; for tests that script the server. */
public final class FixedAuth implements NetSuiteAuth {
    private final AtomicInteger invalidations = new AtomicInteger();

    @Override
    public String authorization(String method, URI uri) {
        return "Bearer test-token";
    }

    @Override
    public void invalidate() {
        invalidations.incrementAndGet();
    }

    @Override
    public String method() {
        return "oauth2";
    }

    public int invalidations() {
        return invalidations.get();
    }
}
