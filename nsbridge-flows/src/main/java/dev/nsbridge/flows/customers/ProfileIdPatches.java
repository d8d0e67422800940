package dev.nsbridge.flows.customers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.flows.delivery.Json;
import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.records.RecordType;
import dev.nsbridge.spi.errors.NsbridgeException;
import dev.nsbridge.spi.errors.TransientException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PATCHes that put Klaviyo's profile ids on NetSuite customers, sent beside the delivery to Klaviyo rather than
 * in its way. NetSuite takes one record per request within the account's concurrency budget (5 to 20 requests in
 * flight, shared with every other NetSuite call), while Klaviyo takes 10,000 profiles a request: waiting for the
 * PATCHes would slow a first sync of a large account to NetSuite's pace. So they go to a bounded queue worked by one
 * thread fewer than the budget has permits, which leaves the flow's own read of NetSuite a request in flight (the
 * client's gate keeps the account within the budget either way), and a batch's delivery returns once its PATCHes are
 * queued.
 *
 * <p>Nothing here needs to survive the process: a PATCH that is queued but not sent when the process dies, or that
 * finds the queue full, leaves the customer's field empty, and {@link MissingProfileIds} finds every such customer
 * again at the end of the next complete run. So during a delivery a full queue drops rather than blocks; the sweep
 * itself waits for room.
 */
final class ProfileIdPatches {
    /**
     * Pending PATCHes held in memory at most; past it they wait for the end-of-run sweep, which costs a NetSuite read
     * and a Klaviyo lookup per 100 again. A queued PATCH is two short strings, so a first sync of 100,000 customers
     * fits whole.
     */
    static final int QUEUE_CAPACITY = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(ProfileIdPatches.class);

    private final NetSuiteClient netSuite;
    private final String field;
    /** Places in the queue: a PATCH takes one when queued and gives it back once sent or refused. */
    private final Semaphore room;
    /**
     * The customers patched, as they were read. NetSuite moves a record's lastmodifieddate when it is patched, so
     * a run may read a patched customer again: that echo is not a change in NetSuite, and is not imported again.
     * This only saves requests: it lives in memory and dies with the process, so whether a consent is sent never
     * depends on it ({@link Consents} asks Klaviyo what it already holds).
     */
    private final Map<String, Map<String, Object>> patched = new ConcurrentHashMap<>();
    private final AtomicReference<NsbridgeException> failure = new AtomicReference<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong deferred = new AtomicLong();
    private ThreadPoolExecutor workers;

    ProfileIdPatches(NetSuiteClient netSuite, String field, int capacity) {
        this.netSuite = netSuite;
        this.field = field;
        this.room = new Semaphore(capacity);
    }

    /**
     * Queues the PATCH of one customer beside a delivery: never waits for NetSuite; with the queue full the customer is
     * left to the end-of-run sweep.
     *
     * @param row the customer as the flow read it, to know its echo
     */
    void submit(String customerId, String profileId, Map<String, Object> row) {
        rethrowFailure();
        if (!room.tryAcquire()) {
            deferred.incrementAndGet();
            return;
        }
        patched.put(customerId, unchangedByPatch(row));
        workers().execute(() -> patch(customerId, profileId));
    }

    /**
     * Queues the PATCH of one customer for the end-of-run sweep, waiting for room: nothing is delivered meanwhile that
     * it could hold up, and a customer the sweep left out would wait a whole run more.
     */
    void submitWaiting(String customerId, String profileId) {
        rethrowFailure();
        try {
            room.acquire();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new TransientException("INTERRUPTED", "interrupted while writing profile ids to NetSuite", null,
                    interrupted);
        }
        workers().execute(() -> patch(customerId, profileId));
    }

    /** Waits until every queued PATCH is sent; throws what stopped them, if anything did. */
    void drain() {
        ThreadPoolExecutor running;
        synchronized (this) {
            running = workers;
            workers = null;
        }
        if (running != null) {
            running.shutdown();
            try {
                while (!running.awaitTermination(1, TimeUnit.MINUTES)) {
                    LOG.info("Still writing Klaviyo profile ids to NetSuite: {} queued", running.getQueue().size());
                }
            } catch (InterruptedException interrupted) {
                // A cancelled run stops here; what was not sent is found again by the next run's sweep.
                room.release(running.shutdownNow().size());
                Thread.currentThread().interrupt();
            }
        }
        rethrowFailure();
    }

    /** Whether this row is a customer read again only because its profile id was just written back. */
    boolean isEcho(Map<String, Object> row) {
        Map<String, Object> before = patched.remove(String.valueOf(row.get("id")));
        return before != null && before.equals(unchangedByPatch(row));
    }

    /** PATCHes sent, refused by NetSuite, and left to the sweep because the queue was full, since last asked. */
    Counts takeCounts() {
        return new Counts(sent.getAndSet(0), refused.getAndSet(0), deferred.getAndSet(0));
    }

    record Counts(long sent, long refused, long deferred) {
    }

    ObjectNode body(String profileId) {
        ObjectNode body = Json.mapper().createObjectNode();
        return profileId == null ? body.putNull(field) : body.put(field, profileId);
    }

    private void patch(String customerId, String profileId) {
        try {
            send(customerId, profileId);
        } finally {
            room.release();
        }
    }

    private void send(String customerId, String profileId) {
        if (failure.get() != null) {
            patched.remove(customerId);
            return;
        }
        try {
            netSuite.records().patch(RecordType.CUSTOMER, Long.parseLong(customerId), body(profileId));
            sent.incrementAndGet();
        } catch (NsbridgeException refusal) {
            patched.remove(customerId);
            if (refusal.category() != NsbridgeException.Category.RECORD) {
                failure.compareAndSet(null, refusal);
                return;
            }
            // The customer keeps an empty field, so the next run's sweep tries again; nothing is lost by going on.
            refused.incrementAndGet();
            LOG.warn("NetSuite refused the Klaviyo profile id for customer {}: {}", customerId, refusal.getMessage());
        }
    }

    private void rethrowFailure() {
        NsbridgeException stopped = failure.getAndSet(null);
        if (stopped != null) {
            throw stopped;
        }
    }

    private synchronized ThreadPoolExecutor workers() {
        if (workers == null) {
            int threads = Math.max(1, netSuite.concurrencyPermits() - 1);
            workers = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), runnable -> {
                        Thread thread = new Thread(runnable, "netsuite-profile-id-write-back");
                        thread.setDaemon(true);
                        return thread;
                    });
        }
        return workers;
    }

    private static Map<String, Object> unchangedByPatch(Map<String, Object> row) {
        Map<String, Object> rest = new HashMap<>(row);
        rest.remove("lastmodifieddate");
        rest.remove(CustomerQuery.PROFILE_ID);
        return rest;
    }
}
