package dev.nsbridge.kafka.connect.source;

import dev.nsbridge.spi.state.State;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Connect offsets are nsbridge's State: the source partition names the account and the stream, the offset is the
 * stream's State as it is (a table split by id has a State, and a partition, per range) (watermark, keyset position), so a connector goes on where the command line would.
 * Connect stores offsets as JSON, which gives whole numbers back as longs: the State's own types.
 */
final class StreamOffsets {
    static final String ACCOUNT = "account";
    static final String STREAM = "stream";

    private StreamOffsets() {
    }

    static final String RANGE = "range";

    /** {@code {account, stream}}, and the id range ({@code 100000-200000}) when the table is split. */
    static Map<String, String> partition(String account, WorkUnit unit) {
        Map<String, String> partition = new HashMap<>();
        partition.put(ACCOUNT, account.toLowerCase(Locale.ROOT));
        partition.put(STREAM, unit.stream().toLowerCase(Locale.ROOT));
        unit.ids().ifPresent(range -> partition.put(RANGE, range.text()));
        return Map.copyOf(partition);
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
