package dev.nsbridge.netsuite.source;

import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.errors.InternalException;
import dev.nsbridge.spi.errors.NsbridgeException;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.source.Progress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs a read's tasks on a few workers that stream batches into one bounded queue, so memory stays flat however big
 * the table is. Batches come out in whatever order the workers finish them: every one carries the state the read
 * started from, so their order does not matter. Only once all tasks are done does {@code closing} run (deletions,
 * say) and the batch that carries the new state come out, last: a crash before it makes the next run read again.
 */
final class ParallelBatchReader implements BatchReader {
    private static final Object END = new Object();
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final BlockingQueue<Object> queue;
    private final Supplier<List<Batch>> closing;
    private final OptionalLong expected;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicLong rowsRead = new AtomicLong();
    private volatile boolean closed;
    private Deque<Batch> last;

    /**
     * @param tasks   the pieces of the read, taken by the workers one at a time
     * @param workerCount how many run at once; never more than the account's concurrency budget
     * @param closing what comes after every task is done; its last batch carries the read's new state
     */
    ParallelBatchReader(String name, List<ReadTask> tasks, int workerCount, int queuedBatches, OptionalLong expected,
                        Supplier<List<Batch>> closing) {
        this.queue = new ArrayBlockingQueue<>(Math.max(queuedBatches, 1));
        this.closing = closing;
        this.expected = expected;
        Queue<ReadTask> pending = new ConcurrentLinkedQueue<>(tasks);
        int count = Math.max(1, Math.min(workerCount, tasks.size()));
        AtomicInteger running = new AtomicInteger(count);
        for (int i = 0; i < count; i++) {
            Thread worker = new Thread(() -> work(pending, running), "netsuite-read-" + name + "-"
                    + THREADS.incrementAndGet());
            worker.setDaemon(true);
            workers.add(worker);
        }
        this.workers.forEach(Thread::start);
    }

    private void work(Queue<ReadTask> pending, AtomicInteger running) {
        try {
            ReadTask task;
            while (!closed && (task = pending.poll()) != null) {
                task.run(queue::put);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException failure) {
            pending.clear();
            offer(failure);
        } finally {
            if (running.decrementAndGet() == 0) {
                offer(END);
            }
        }
    }

    private void offer(Object item) {
        if (closed) {
            return;
        }
        try {
            queue.put(item);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Optional<Batch> next() throws InterruptedException {
        while (last == null) {
            if (closed) {
                return Optional.empty();
            }
            Object item = queue.take();
            if (item instanceof Batch batch) {
                rowsRead.addAndGet(batch.size());
                return Optional.of(batch);
            }
            if (item instanceof RuntimeException failure) {
                close();
                throw failure instanceof NsbridgeException ? failure : new InternalException("NETSUITE_READ_FAILED",
                        "reading NetSuite failed: " + failure, null, failure);
            }
            last = new ArrayDeque<>(closing.get());
        }
        Batch batch = last.poll();
        if (batch != null) {
            rowsRead.addAndGet(batch.size());
        }
        return Optional.ofNullable(batch);
    }

    @Override
    public Progress progress() {
        return new Progress(rowsRead.get(), expected);
    }

    @Override
    public void close() {
        closed = true;
        workers.forEach(Thread::interrupt);
        queue.clear();
    }
}
