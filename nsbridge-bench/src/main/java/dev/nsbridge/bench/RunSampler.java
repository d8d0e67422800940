package dev.nsbridge.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * Watches a run from the side: how many NetSuite requests are in flight (is the budget used all the time?) and,
 * when asked, the peak live heap.
 *
 * <p>The live heap is read as heap used right after a forced full collection, every {@link #HEAP_PERIOD_MS} ms:
 * what remains after a full GC is what the run still references, so the maximum over the run is its peak live
 * set. Used heap without a collection would mostly measure how lazy the collector was, and would grow with the
 * -Xmx given rather than with what the extractor holds. The forced collections cost time, so only the heap
 * runs sample the heap, and their speed is not reported.
 */
final class RunSampler implements AutoCloseable {
    static final long IN_FLIGHT_PERIOD_MS = 20;
    static final long HEAP_PERIOD_MS = 100;

    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, task -> {
        Thread thread = new Thread(task, "bench-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong inFlightSum = new AtomicLong();
    private final AtomicLong inFlightSamples = new AtomicLong();
    private final List<Long> liveHeap = Collections.synchronizedList(new ArrayList<>());

    RunSampler(IntSupplier inFlight, boolean sampleHeap) {
        timer.scheduleAtFixedRate(() -> {
            inFlightSum.addAndGet(inFlight.getAsInt());
            inFlightSamples.incrementAndGet();
        }, 0, IN_FLIGHT_PERIOD_MS, TimeUnit.MILLISECONDS);
        if (sampleHeap) {
            timer.scheduleWithFixedDelay(this::sampleHeap, 0, HEAP_PERIOD_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void sampleHeap() {
        System.gc();
        liveHeap.add(memory.getHeapMemoryUsage().getUsed());
    }

    double meanInFlight() {
        long samples = inFlightSamples.get();
        return samples == 0 ? 0 : (double) inFlightSum.get() / samples;
    }

    /** The live heap samples, smallest first. */
    List<Long> liveHeapSamples() {
        synchronized (liveHeap) {
            return liveHeap.stream().sorted().toList();
        }
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(10, TimeUnit.SECONDS);
    }
}
