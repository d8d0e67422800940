package dev.nsbridge.kafka.connect.source;

import dev.nsbridge.spi.state.State;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Connect offsets are nsbridge's State: the source partition names the account and the stream, the offset is the
 * stream's State as it is (watermark, keyset position), so a connector goes on where the command line would.
 * Connect stores offsets as JSON, which gives whole numbers back as longs: the State's own types.
 */
final class StreamOffsets {
    static final String ACCOUNT = "account";
    static final String STREAM = "stream";

    private StreamOffsets() {
    }

    static Map<String, String> partition(String account, String stream) {
        return Map.of(ACCOUNT, account.toLowerCase(Locale.ROOT), STREAM, stream.toLowerCase(Locale.ROOT));
    }

    static Map<String, Object> offset(State state) {
        return state.values();
    }

    /** The stored offset as a State; none stored is the empty State a first read starts from. */
    static State state(Map<String, Object> offset) {
        if (offset == null) {
            return State.EMPTY;
        }
        Map<String, Object> values = new HashMap<>();
        offset.forEach((key, value) -> values.put(key, value instanceof Integer whole ? Long.valueOf(whole) : value));
        return new State(values);
    }
}
