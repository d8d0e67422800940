package dev.nsbridge.sandbox.netsuite.rest;

import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import dev.nsbridge.sandbox.netsuite.auth.LoginAttempt;
import dev.nsbridge.sandbox.netsuite.auth.LoginAuditTrail;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counts what the sandbox saw; the login audit trail is the one place refused logins say why. */
public final class SandboxStats implements NetSuiteSandbox.Stats {
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final LongAdder dropped = new LongAdder();
    private final LoginAuditTrail trail;

    public SandboxStats(LoginAuditTrail trail) {
        this.trail = trail;
    }

    void request() {
        requests.incrementAndGet();
    }

    void answered(int status) {
        byStatus.computeIfAbsent(status, any -> new LongAdder()).increment();
    }

    void droppedConnection() {
        dropped.increment();
    }

    void inFlight(int now) {
        peakInFlight.accumulateAndGet(now, Math::max);
    }

    @Override
    public int peakInFlight() {
        return peakInFlight.get();
    }

    @Override
    public long requests() {
        return requests.get();
    }

    @Override
    public Map<Integer, Long> responsesByStatus() {
        Map<Integer, Long> copy = new TreeMap<>();
        byStatus.forEach((status, count) -> copy.put(status, count.sum()));
        return Map.copyOf(copy);
    }

    @Override
    public long failedLogins() {
        return trail.failedLogins();
    }

    @Override
    public long droppedConnections() {
        return dropped.sum();
    }

    @Override
    public List<LoginAttempt> loginAuditTrail() {
        return trail.attempts();
    }

    @Override
    public void reset() {
        peakInFlight.set(0);
        requests.set(0);
        byStatus.clear();
        dropped.reset();
        trail.reset();
    }
}
