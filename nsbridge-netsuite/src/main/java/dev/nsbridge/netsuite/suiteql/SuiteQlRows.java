package dev.nsbridge.netsuite.suiteql;

import dev.nsbridge.spi.errors.InternalException;
import dev.nsbridge.spi.errors.NsbridgeException;
import dev.nsbridge.spi.errors.TransientException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rows of one read, streamed. A background thread fetches up to {@code pagesAhead} pages ahead of the
 * consumer and then waits, so memory holds at most that many pages plus the one being read, however many rows the
 * read has. Close it to stop fetching early. A failure while fetching is thrown from {@link #hasNext()}.
 */
public final class SuiteQlRows implements Iterator<SuiteQlRow>, AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final Object END = new Object();

    private final BlockingQueue<Object> pages;
    private final Thread fetcher;
    private volatile boolean closed;
    private Iterator<SuiteQlRow> current = Collections.emptyIterator();
    private boolean finished;
    private long rowsRead;

    SuiteQlRows(PageSource source, int pagesAhead) {
        if (pagesAhead < 1) {
            throw new IllegalArgumentException("fetch at least one page ahead");
        }
        this.pages = new ArrayBlockingQueue<>(pagesAhead);
        this.fetcher = new Thread(() -> fetch(source), "suiteql-reader-" + THREADS.incrementAndGet());
        this.fetcher.setDaemon(true);
        this.fetcher.start();
    }

    private void fetch(PageSource source) {
        try {
            while (!closed) {
                Optional<List<SuiteQlRow>> page = source.next();
                if (page.isEmpty()) {
                    pages.put(END);
                    return;
                }
                if (!page.get().isEmpty()) {
                    pages.put(page.get());
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException failure) {
            if (!closed) {
                try {
                    pages.put(failure);
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext()) {
            if (finished || closed) {
                return false;
            }
            Object next;
            try {
                next = pages.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientException("INTERRUPTED", "reading SuiteQL rows was interrupted", null, e);
            }
            if (next == END) {
                finished = true;
                return false;
            }
            if (next instanceof RuntimeException failure) {
                finished = true;
                throw rethrow(failure);
            }
            @SuppressWarnings("unchecked")
            List<SuiteQlRow> rows = (List<SuiteQlRow>) next;
            current = rows.iterator();
        }
        return true;
    }

    @Override
    public SuiteQlRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        rowsRead++;
        return current.next();
    }

    /** Rows handed out so far. */
    public long rowsRead() {
        return rowsRead;
    }

    @Override
    public void close() {
        closed = true;
        fetcher.interrupt();
        pages.clear();
        current = Collections.emptyIterator();
    }

    private static RuntimeException rethrow(RuntimeException failure) {
        if (failure instanceof NsbridgeException) {
            return failure;
        }
        return new InternalException("SUITEQL_READ_FAILED", "reading SuiteQL rows failed: " + failure, null, failure);
    }
}
