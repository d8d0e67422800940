package dev.nsbridge.kafka.connect.source;

import dev.nsbridge.spi.errors.NsbridgeException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;

/**
 * nsbridge's failures as Connect's, in one place: what may pass (throttling, timeouts, 5xx) is retriable, so the
 * worker polls again; anything else (configuration, a refused login, which must never be retried into a lockout)
 * stops the task with the message and its fix. Messages never carry a secret.
 */
final class ConnectErrors {
    private ConnectErrors() {
    }

    static ConnectException of(NsbridgeException failure) {
        String message = failure.code() + ": " + failure.getMessage()
                + failure.fix().map(fix -> " (fix: " + fix + ")").orElse("");
        return failure.retriable() ? new RetriableException(message, failure) : new ConnectException(message, failure);
    }
}
