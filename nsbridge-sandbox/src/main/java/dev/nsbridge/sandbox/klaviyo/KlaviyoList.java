package dev.nsbridge.sandbox.klaviyo;

import java.time.Instant;
import java.util.List;

/** A list and the profile ids on it, in the order they were added. */
public record KlaviyoList(String id, String name, String optInProcess, Instant created, List<String> profileIds) {
}
