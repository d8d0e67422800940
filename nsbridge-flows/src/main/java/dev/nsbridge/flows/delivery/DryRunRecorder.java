package dev.nsbridge.flows.delivery;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a dry run's payloads go. The app passes one in when it builds a flow and prints what it collected; a flow
 * never sends anything on a dry run, it only builds each request and hands it here.
 */
public interface DryRunRecorder {

    /** Discards payloads: for runs the app will never dry-run. */
    DryRunRecorder DISCARD = payload -> { };

    void record(DryRunPayload payload);

    /** A recorder that keeps every payload, in the order they were built; thread-safe. */
    static Collecting collecting() {
        return new Collecting();
    }

    /** Keeps what it is given, for the CLI to print after the run. */
    final class Collecting implements DryRunRecorder {
        private final List<DryRunPayload> payloads = new ArrayList<>();

        private Collecting() {
        }

        @Override
        public synchronized void record(DryRunPayload payload) {
            payloads.add(payload);
        }

        public synchronized List<DryRunPayload> payloads() {
            return List.copyOf(payloads);
        }
    }
}
