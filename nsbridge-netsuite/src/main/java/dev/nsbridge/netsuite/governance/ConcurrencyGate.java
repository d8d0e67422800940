package dev.nsbridge.netsuite.governance;

import java.util.concurrent.Semaphore;

/**
 * The permits for requests in flight to one account. Fair, so a reader that has waited longest goes next and no
 * reader starves. The size can change once the account's real budget is known.
 */
public final class ConcurrencyGate {
    private final ResizableSemaphore permits;
    private int size;

    public ConcurrencyGate(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a concurrency gate needs at least one permit, not " + size);
        }
        this.size = size;
        this.permits = new ResizableSemaphore(size);
    }

    public void acquire() throws InterruptedException {
        permits.acquire();
    }

    public void release() {
        permits.release();
    }

    /** Grows or shrinks the gate; shrinking lets requests already in flight finish before new ones start. */
    public synchronized void resize(int newSize) {
        if (newSize < 1) {
            throw new IllegalArgumentException("a concurrency gate needs at least one permit, not " + newSize);
        }
        int delta = newSize - size;
        if (delta > 0) {
            permits.release(delta);
        } else if (delta < 0) {
            permits.shrink(-delta);
        }
        size = newSize;
    }

    public synchronized int size() {
        return size;
    }

    /** Requests in flight right now (approximate while permits move). */
    public synchronized int inFlight() {
        return size - permits.availablePermits();
    }

    private static final class ResizableSemaphore extends Semaphore {
        ResizableSemaphore(int permits) {
            super(permits, true);
        }

        void shrink(int by) {
            reducePermits(by);
        }
    }
}
