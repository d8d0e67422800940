package dev.nsbridge.flows.delivery;

import dev.nsbridge.spi.data.RecordError;
import dev.nsbridge.spi.errors.NsbridgeException;

/** Record errors in one shape for every flow: the code, the reason with its fix, the payload as JSON. */
public final class Refusals {
    private Refusals() {
    }

    public static RecordError of(String key, String code, String reason, Object payload) {
        return new RecordError(key, code, reason, payload instanceof String text ? text : Json.text(payload));
    }

    /** A refusal from NetSuite or Klaviyo; their messages carry no credentials, only what was refused and why. */
    public static RecordError of(String key, NsbridgeException refusal, Object payload) {
        String reason = refusal.getMessage() + refusal.fix().map(fix -> " (fix: " + fix + ")").orElse("");
        return of(key, refusal.code(), reason, payload);
    }
}
