package dev.nsbridge.engine.schedule;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** Holds runs handed to it until the test lets them go, so a run can last across ticks without a thread. */
final class QueuedExecutor implements Executor {
    private final Deque<Runnable> waiting = new ArrayDeque<>();

    @Override
    public void execute(Runnable command) {
        waiting.add(command);
    }

    /** Runs, on the calling thread, every run handed over so far. */
    void finishAll() {
        while (!waiting.isEmpty()) {
            waiting.poll().run();
        }
    }

    int waiting() {
        return waiting.size();
    }
}
